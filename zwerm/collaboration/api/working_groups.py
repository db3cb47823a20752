"""working_groups."""
from ninja import Router

router = Router()
