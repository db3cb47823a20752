from django.urls import path

from zwerm.events import views

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="list"),
    path("new/", views.event_create, name="create"),
    path("calendar/", views.my_calendar, name="my_calendar"),
    path("calendar/<str:token>.ics", views.personal_ics, name="personal_ics"),
    path("ecosystem/<slug:slug>.ics", views.ecosystem_ics, name="ecosystem_ics"),
    path("r/<str:secret>/", views.registration_link, name="registration_link"),
    path("<slug:slug>/", views.event_detail, name="detail"),
    path("<slug:slug>/event.ics", views.event_ics, name="ics"),
    path("<slug:slug>/edit/", views.event_edit, name="edit"),
    path("<slug:slug>/cancel/", views.event_cancel, name="cancel"),
    path("<slug:slug>/minutes/", views.event_minutes, name="minutes"),
    path("<slug:slug>/follow-up/", views.event_follow_up, name="follow_up"),
    path("<slug:slug>/register/", views.event_register, name="register"),
    path("<slug:slug>/register/guest/", views.event_register_guest, name="register_guest"),
    path("<slug:slug>/registration/", views.registration_edit, name="registration_edit"),
    path("<slug:slug>/registration/cancel/", views.registration_cancel,
         name="registration_cancel"),
    path("<slug:slug>/attendees/", views.event_attendees, name="attendees"),
    path("<slug:slug>/meet/", views.event_meet, name="meet"),
    path("<slug:slug>/manage/", views.event_manage, name="manage"),
    path("<slug:slug>/attendees.csv", views.event_export, name="export"),
    path("<slug:slug>/door/", views.event_door, name="door"),
    path("<slug:slug>/door/<uuid:registration_uuid>/", views.event_check_in, name="check_in"),
]
