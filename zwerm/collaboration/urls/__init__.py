"""Pages of keeping together, mounted under ``/ecosystems/<ecosystem>/``."""

from zwerm.collaboration.urls import decisions, deliverables, elasticity, ledger, working_groups

app_name = "collaboration"

urlpatterns = [
    *working_groups.urlpatterns,
    *deliverables.urlpatterns,
    *ledger.urlpatterns,
    *decisions.urlpatterns,
    *elasticity.urlpatterns,
]
