from django.urls import path

from zwerm.organisations import views

app_name = "organisations"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("new/", views.organisation_create, name="create"),
    path("act-for/", views.act_for, name="act_for"),
    path("invitations/<uuid:uuid>/", views.invitation, name="invitation"),
    path("<slug:slug>/", views.organisation_detail, name="detail"),
    path("<slug:slug>/edit/", views.organisation_edit, name="edit"),
    path("<slug:slug>/offers-and-seeks/", views.entries, name="entries"),
    path("<slug:slug>/offers-and-seeks/<uuid:uuid>/", views.entry_edit, name="entry_edit"),
    path(
        "<slug:slug>/offers-and-seeks/<uuid:uuid>/delete/", views.entry_delete,
        name="entry_delete",
    ),
    path("<slug:slug>/offers-and-seeks/<uuid:uuid>/move/", views.entry_move, name="entry_move"),
    path("<slug:slug>/people/", views.people, name="people"),
    path("<slug:slug>/people/<uuid:uuid>/role/", views.member_role, name="member_role"),
    path("<slug:slug>/people/<uuid:uuid>/remove/", views.member_remove, name="member_remove"),
    path(
        "<slug:slug>/invitations/<uuid:uuid>/revoke/", views.invitation_revoke,
        name="invitation_revoke",
    ),
    path("<slug:slug>/leave/", views.leave, name="leave"),
]
