"""JSON API of keeping together, mounted at ``/api/v1/collaboration``."""

from ninja import Router

from zwerm.collaboration.api import decisions, deliverables, elasticity, ledger, working_groups

router = Router(tags=["collaboration"])
router.add_router("", working_groups.router)
router.add_router("", deliverables.router)
router.add_router("", ledger.router)
router.add_router("", decisions.router)
router.add_router("", elasticity.router)

__all__ = ["router"]
