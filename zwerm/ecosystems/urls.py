from django.urls import path

from zwerm.ecosystems import views

app_name = "ecosystems"

urlpatterns = [
    path("", views.ecosystem_list, name="list"),
    path("<slug:slug>/", views.ecosystem_detail, name="detail"),
]
