from django.urls import path

from zwerm.transparency import views, views_witnesses

app_name = "transparency"

urlpatterns = [
    path("ecosystems/<uuid:ecosystem>/log/", views.log_page, name="log"),
    path("ecosystems/<uuid:ecosystem>/log/checkpoint", views.checkpoint, name="checkpoint"),
    path("ecosystems/<uuid:ecosystem>/log/tile/<path:rest>", views.tile, name="tile"),
    path("ecosystems/<uuid:ecosystem>/log/entries/<int:index>/", views.entry_page,
         name="entry"),
    path(".well-known/zwerm-log-key", views.well_known_key, name="well_known_key"),
    path("transparency/witness-keys/", views_witnesses.witness_keys, name="witness_keys"),
    path("transparency/witness-keys/<uuid:key>/revoke/", views_witnesses.witness_key_revoke,
         name="witness_key_revoke"),
]
