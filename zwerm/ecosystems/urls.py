from django.urls import path

from zwerm.ecosystems import views
from zwerm.ecosystems.views.memberships import organisation_export

app_name = "ecosystems"

urlpatterns = [
    path("", views.ecosystem_list, name="list"),
    path("new/", views.ecosystem_create, name="create"),
    path("invitations/<uuid:uuid>/", views.invitation_detail, name="invitation"),
    path("<slug:slug>/", views.ecosystem_detail, name="detail"),
    path("<slug:slug>/edit/", views.ecosystem_edit, name="edit"),
    path("<slug:slug>/charter/", views.ecosystem_charter, name="charter"),
    path("<slug:slug>/join/", views.ecosystem_join, name="join"),
    path("<slug:slug>/membership/<str:action>/", views.membership_action, name="membership"),
    path("<slug:slug>/export/<slug:organisation>.json", organisation_export,
         {"file_format": "json"}, name="organisation_export"),
    path("<slug:slug>/export/<slug:organisation>.zip", organisation_export,
         {"file_format": "zip"}, name="organisation_export_zip"),
    path("<slug:slug>/delegate/", views.delegate_appoint, name="delegate"),
    path("<slug:slug>/manage/", views.ecosystem_manage, name="manage"),
    path("<slug:slug>/history/", views.ecosystem_history, name="history"),
    path("<slug:slug>/activity/", views.ecosystem_activity, name="activity"),
]
