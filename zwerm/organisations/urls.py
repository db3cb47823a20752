from django.urls import path

from zwerm.organisations import views

app_name = "organisations"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("act-for/", views.act_for, name="act_for"),
    path("<slug:slug>/", views.organisation_detail, name="detail"),
]
