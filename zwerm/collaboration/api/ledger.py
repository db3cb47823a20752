"""ledger."""
from ninja import Router

router = Router()
