"""Pages of deliverables, under ``/ecosystems/<ecosystem>/deliverables/``."""

from django.urls import path

from zwerm.collaboration.views import deliverables as views
from zwerm.collaboration.views import deliverables_items as items

ONE = "deliverables/<uuid:deliverable>/"
MILESTONE = ONE + "milestones/<uuid:milestone>/"

urlpatterns = [
    path("deliverables/", views.deliverable_board, name="deliverable_board"),
    path("deliverables/new/", views.deliverable_create, name="deliverable_create"),
    path("deliverables/group/<slug:working_group>/", views.deliverable_group_board,
         name="deliverable_group_board"),
    path(ONE, views.deliverable_detail, name="deliverable_detail"),
    path(ONE + "edit/", views.deliverable_edit, name="deliverable_edit"),
    path(ONE + "state/", views.deliverable_state, name="deliverable_state"),
    path(ONE + "milestones/", items.milestone_add, name="milestone_add"),
    path(MILESTONE + "edit/", items.milestone_edit, name="milestone_edit"),
    path(MILESTONE + "state/", items.milestone_state, name="milestone_state"),
    path(MILESTONE + "move/", items.milestone_move, name="milestone_move"),
    path(MILESTONE + "remove/", items.milestone_remove, name="milestone_remove"),
    path(ONE + "links/", items.link_add, name="deliverable_link_add"),
    path(ONE + "links/<uuid:link>/remove/", items.link_remove, name="deliverable_link_remove"),
    path(ONE + "attachments/", items.attachment_add, name="attachment_add"),
    path(ONE + "attachments/<uuid:attachment>/", items.attachment_download,
         name="attachment_download"),
    path(ONE + "attachments/<uuid:attachment>/remove/", items.attachment_remove,
         name="attachment_remove"),
]
