"""JSON API of matchmaking."""

from ninja import Router

router = Router(tags=["matchmaking"])
