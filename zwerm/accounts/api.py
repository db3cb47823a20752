"""JSON API of accounts: thin endpoints over the app's services and selectors."""

from ninja import Router

router = Router(tags=["accounts"])
