from django.urls import path

from zwerm.matchmaking import views

app_name = "matchmaking"

urlpatterns = [
    path("", views.suggestions, name="suggestions"),
    path("dismiss/<slug:slug>/", views.dismiss, name="dismiss"),
    path("restore/<slug:slug>/", views.restore, name="restore"),
    path("introductions/", views.introductions, name="introductions"),
    path("introductions/new/<slug:slug>/", views.introduction_new, name="introduction_new"),
    path("introductions/<uuid:uuid>/", views.introduction_answer, name="introduction"),
    path("connections/", views.connections, name="connections"),
    path("ecosystems/<slug:slug>/", views.ecosystem_candidates, name="ecosystem"),
]
