"""JSON API of ecosystems: thin endpoints over the app's services and selectors."""

from ninja import Router

router = Router(tags=["ecosystems"])
