"""JSON API of the transparency log."""

from ninja import Router

router = Router(tags=["transparency"])
