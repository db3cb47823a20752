from django.urls import path

from zwerm.ideation import views

app_name = "ideation"

urlpatterns = [
    path("", views.challenge_list, name="list"),
    path("new/", views.challenge_create, name="create"),
    path("<slug:slug>/", views.challenge_detail, name="challenge"),
    path("<slug:slug>/edit/", views.challenge_edit, name="edit"),
    path("<slug:slug>/phase/", views.challenge_phase, name="phase"),
    path("<slug:slug>/facilitators/", views.challenge_facilitator, name="facilitator"),
    path("<slug:slug>/ideas/new/", views.idea_create, name="idea_create"),
    path("<slug:slug>/ideas/<uuid:idea>/", views.idea_detail, name="idea"),
    path("<slug:slug>/ideas/<uuid:idea>/edit/", views.idea_edit, name="idea_edit"),
    path("<slug:slug>/ideas/<uuid:idea>/comment/", views.idea_comment, name="idea_comment"),
    path("<slug:slug>/ideas/<uuid:idea>/react/", views.idea_react, name="idea_react"),
    path("<slug:slug>/ideas/<uuid:idea>/follow/", views.idea_follow, name="idea_follow"),
    path("<slug:slug>/ideas/<uuid:idea>/merge/", views.idea_merge, name="idea_merge"),
    path("<slug:slug>/clusters/", views.cluster_list, name="clusters"),
    path("<slug:slug>/clusters/propose/", views.cluster_propose, name="cluster_propose"),
    path("<slug:slug>/clusters/<uuid:cluster>/decide/", views.cluster_decide,
         name="cluster_decide"),
    path("<slug:slug>/vote/", views.vote, name="vote"),
    path("<slug:slug>/results/", views.result_page, name="results"),
    path("<slug:slug>/results/ballots.json", views.result_export, name="export"),
    path("<slug:slug>/initiatives/", views.initiative_list, name="initiatives"),
    path("<slug:slug>/initiatives/<uuid:initiative>/commit/", views.initiative_commit,
         name="initiative_commit"),
]
