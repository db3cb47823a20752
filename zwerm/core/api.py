"""JSON API of core: the activity stream and the notification centre."""

from ninja import Router

router = Router(tags=["activities"])
