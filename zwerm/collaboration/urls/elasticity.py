"""Pages of elasticity, under ``/ecosystems/<ecosystem>/``."""

from django.urls import path

from zwerm.collaboration.views import elasticity as views

urlpatterns: list = [
    path("hand-over/", views.handover, name="handover"),
    path("hand-over/requests/", views.handover_requests, name="handover_requests"),
    path("welcome/", views.welcome, name="welcome"),
]
