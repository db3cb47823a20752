"""Pages of working groups, under ``/ecosystems/<ecosystem>/working-groups/``."""

from django.urls import path

from zwerm.collaboration.views import working_groups as views

P = "working-groups/"
G = P + "<slug:slug>/"

urlpatterns = [
    path(P, views.wg_list, name="wg_list"),
    path(P + "new/", views.wg_create, name="wg_create"),
    path(P + "from-initiative/<uuid:initiative>/", views.wg_from_initiative,
         name="wg_from_initiative"),
    path(G, views.wg_detail, name="wg_detail"),
    path(G + "edit/", views.wg_edit, name="wg_edit"),
    path(G + "archive/", views.wg_archive, name="wg_archive"),
    path(G + "unarchive/", views.wg_unarchive, name="wg_unarchive"),
    path(G + "join/", views.wg_join, name="wg_join"),
    path(G + "leave/", views.wg_leave, name="wg_leave"),
    path(G + "requests/<uuid:member>/", views.wg_answer, name="wg_answer"),
    path(G + "roles/", views.wg_roles, name="wg_roles"),
    path(G + "posts/", views.wg_post, name="wg_post"),
    path(G + "posts/<uuid:post>/delete/", views.wg_post_delete, name="wg_post_delete"),
]
