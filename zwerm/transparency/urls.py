from django.urls import path

from zwerm.transparency import views

app_name = "transparency"

urlpatterns: list = []
