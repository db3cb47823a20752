"""JSON API of ideation."""

from ninja import Router

router = Router(tags=["ideation"])
