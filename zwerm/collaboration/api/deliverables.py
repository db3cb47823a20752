"""deliverables."""
from ninja import Router

router = Router()
