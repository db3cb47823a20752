"""JSON API of ideation: thin endpoints over the app's services and selectors."""

from zwerm.ideation.api import challenges, clusters, ideas, voting  # noqa: F401  (routes)
from zwerm.ideation.api._common import router

__all__ = ["router"]
