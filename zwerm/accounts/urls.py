from django.urls import path

from zwerm.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.profile, name="profile"),
    path("language/", views.set_language, name="set_language"),
    path("notifications/", views.notification_preferences, name="notification_preferences"),
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<uuid:token_uuid>/revoke/", views.token_revoke, name="token_revoke"),
    path("privacy/", views.privacy, name="privacy"),
    path("export/", views.export, name="export"),
    path("erase/", views.erase, name="erase"),
]
