"""Pages of the ledger part, under ``/ecosystems/<ecosystem>/ledger/`` and ``commitments/``."""

from django.urls import path

from zwerm.collaboration.views import ledger, ledger_commitments

urlpatterns = [
    path("ledger/", ledger.ledger, name="ledger"),
    path("ledger/new/", ledger.ledger_record, name="ledger_record"),
    path("ledger/waiting/", ledger.ledger_waiting, name="ledger_waiting"),
    path("ledger/balances/", ledger.ledger_balances, name="ledger_balances"),
    path("ledger/balances/<slug:organisation>/", ledger.ledger_organisation,
         name="ledger_organisation"),
    path("ledger/export.csv", ledger.ledger_export, name="ledger_export"),
    path("ledger/<uuid:contribution>/", ledger.ledger_entry, name="ledger_entry"),
    path("ledger/<uuid:contribution>/correct/", ledger.ledger_correct, name="ledger_correct"),
    path("ledger/<uuid:contribution>/acknowledge/", ledger.ledger_acknowledge,
         name="ledger_acknowledge"),
    path("commitments/", ledger_commitments.commitment_list, name="commitment_list"),
    path("commitments/new/", ledger_commitments.commitment_new, name="commitment_new"),
    path("commitments/kept/", ledger_commitments.commitment_kept, name="commitment_kept"),
    path("commitments/<uuid:commitment>/", ledger_commitments.commitment_detail,
         name="commitment_detail"),
    path("commitments/<uuid:commitment>/edit/", ledger_commitments.commitment_edit,
         name="commitment_edit"),
]
