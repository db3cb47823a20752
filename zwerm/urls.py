from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from zwerm.api import api, api_not_found

urlpatterns = [
    path("", include("zwerm.core.urls")),
    path("accounts/", include("allauth.urls")),
    path("me/", include("zwerm.accounts.urls")),
    path("organisations/", include("zwerm.organisations.urls")),
    path("ecosystems/", include("zwerm.ecosystems.urls")),
    path("", include("zwerm.transparency.urls")),
    path("matchmaking/", include("zwerm.matchmaking.urls")),
    path("events/", include("zwerm.events.urls")),
    path("challenges/", include("zwerm.ideation.urls")),
    path("ecosystems/<slug:ecosystem>/", include("zwerm.collaboration.urls")),
    path("api/v1/", api.urls),
    re_path(r"^api/", api_not_found),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
