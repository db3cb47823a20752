"""Pages of proposals, the decision register and the collaboration settings."""

from django.urls import path

from zwerm.collaboration.views import decisions, decisions_register

urlpatterns: list = [
    path("proposals/", decisions.proposal_list, name="proposal_list"),
    path("proposals/new/", decisions.proposal_create, name="proposal_create"),
    path("proposals/<uuid:proposal>/", decisions.proposal_detail, name="proposal_detail"),
    path("proposals/<uuid:proposal>/position/", decisions.proposal_position,
         name="proposal_position"),
    path("proposals/<uuid:proposal>/amend/", decisions.proposal_amend, name="proposal_amend"),
    path("proposals/<uuid:proposal>/withdraw/", decisions.proposal_withdraw,
         name="proposal_withdraw"),
    path("decisions/", decisions_register.decision_register, name="decision_register"),
    path("decisions/<int:number>/", decisions_register.decision_detail,
         name="decision_detail"),
    path("decisions/<int:number>/statement/", decisions_register.decision_statement,
         name="decision_statement"),
    path("collaboration-settings/", decisions_register.collaboration_settings,
         name="collaboration_settings"),
]
