"""Pages about ideas: adding, one idea with its comments, editing, reacting and merging."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zwerm.core.errors import DomainError
from zwerm.core.privacy import NameResolver
from zwerm.ideation import selectors, services
from zwerm.ideation.forms import (
    CommentForm,
    IdeaForm,
    MergeForm,
    ReactionForm,
    add_domain_error,
)
from zwerm.ideation.models import Comment, Follow, Phase, Reaction
from zwerm.ideation.views._helpers import challenge_or_404, forbidden, idea_or_404, standing


def _people_choices(request, challenge, author) -> tuple[list[tuple[str, str]], dict]:
    """Co-author choices, named as the viewer may see each person, and who they are."""
    resolver = NameResolver.for_request(request)
    members = selectors.co_author_candidates(challenge=challenge, person=author)
    resolver.prime([m.person_id for m in members])
    choices = [(str(m.person.uuid),
                f"{resolver.name(m.person, m.organisation.name)} ({m.organisation.name})")
               for m in members]
    return choices, {str(m.person.uuid): m.person for m in members}


@login_required
def idea_create(request, slug):
    challenge = challenge_or_404(request, slug)
    me = standing(request, challenge)
    if not me.can_participate:
        return forbidden(request, _("Only members of the ecosystem take part in this challenge."))
    others = selectors.vote_options(challenge=challenge)
    choices, people = _people_choices(request, challenge, request.user)
    form = IdeaForm(request.POST or None, ideas=others, people=choices)
    if request.method == "POST" and form.is_valid():
        target = next((i for i in others if str(i.uuid) == form.cleaned_data["builds_on"]),
                      None)
        try:
            idea = services.idea_submit(
                actor=request.actor, challenge=challenge, title=form.cleaned_data["title"],
                description=form.cleaned_data["description"], tags=form.tag_list(),
                builds_on=[target] if target else [],
                co_authors=[people[u] for u in form.cleaned_data.get("co_authors", [])],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Thank you, your idea has been added."))
            return redirect("ideation:idea", slug=challenge.slug, idea=idea.uuid)
    return render(request, "ideation/idea_form.html", {"form": form, "challenge": challenge,
                                                       "idea": None})


def idea_detail(request, slug, idea):
    challenge = challenge_or_404(request, slug)
    idea = idea_or_404(challenge, idea)
    me = standing(request, challenge)
    person = request.user if request.user.is_authenticated else None
    mine = set()
    following = False
    if person is not None:
        mine = set(Reaction.objects.filter(idea=idea, person=person)
                   .values_list("kind", flat=True))
        following = Follow.objects.filter(idea=idea, person=person).exists()
    counts = selectors.reaction_counts(idea=idea)
    others = [i for i in selectors.vote_options(challenge=challenge) if i.pk != idea.pk]
    return render(request, "ideation/idea_detail.html", {
        "challenge": challenge, "idea": idea, "me": me,
        "people": [p for p in [idea.author, *idea.co_authors.all(),
                               *[c.author for t in idea.threads for c in [t, *t.replies.all()]],
                               *[m.merged_by for m in idea.merges_in.all()]] if p is not None],
        "reactions": [(kind, label, counts[kind], kind in mine)
                      for kind, label in Reaction.Kind.choices],
        "following": following,
        "comment_form": CommentForm(),
        "merge_form": MergeForm(ideas=others) if me.can_manage and others else None,
        "can_edit": services.can_edit(request.user, idea) and challenge.phase in (
            Phase.COLLECT, Phase.REFINE),
        "can_comment": me.can_participate and challenge.phase != Phase.CLOSED
        and not idea.is_merged,
    })


@login_required
def idea_edit(request, slug, idea):
    challenge = challenge_or_404(request, slug)
    idea = idea_or_404(challenge, idea)
    if not services.can_edit(request.user, idea):
        return forbidden(request, _("Only the authors of this idea and the facilitators may "
                                    "edit it."))
    choices, people = _people_choices(request, challenge, idea.author or request.user)
    form = IdeaForm(request.POST or None, people=choices, initial={
        "title": idea.title, "description": idea.description, "tags": ", ".join(idea.tags),
        "co_authors": [str(p.uuid) for p in idea.co_authors.all()]})
    if request.method == "POST" and form.is_valid():
        try:
            services.idea_update(
                actor=request.actor, idea=idea, title=form.cleaned_data["title"],
                description=form.cleaned_data["description"], tags=form.tag_list(),
                co_authors=[people[u] for u in form.cleaned_data["co_authors"]]
                if "co_authors" in form.fields else None,
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The changes have been saved."))
            return redirect("ideation:idea", slug=challenge.slug, idea=idea.uuid)
    return render(request, "ideation/idea_form.html", {"form": form, "challenge": challenge,
                                                       "idea": idea})


def _back(challenge, idea):
    return redirect("ideation:idea", slug=challenge.slug, idea=idea.uuid)


@login_required
@require_POST
def idea_comment(request, slug, idea):
    challenge = challenge_or_404(request, slug)
    idea = idea_or_404(challenge, idea)
    form = CommentForm(request.POST)
    if form.is_valid():
        parent = None
        if form.cleaned_data["parent"]:
            parent = Comment.objects.filter(idea=idea, uuid=form.cleaned_data["parent"]).first()
            if parent is None:
                raise Http404
        try:
            comment = services.comment_post(actor=request.actor, idea=idea, parent=parent,
                                            body=form.cleaned_data["body"])
        except DomainError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("Your comment has been posted."))
            url = reverse("ideation:idea", kwargs={"slug": challenge.slug, "idea": idea.uuid})
            return redirect(f"{url}#comment-{comment.uuid}")
    else:
        messages.error(request, _("Write a comment first."))
    return _back(challenge, idea)


@login_required
@require_POST
def idea_react(request, slug, idea):
    challenge = challenge_or_404(request, slug)
    idea = idea_or_404(challenge, idea)
    form = ReactionForm(request.POST)
    if form.is_valid():
        try:
            services.reaction_set(actor=request.actor, idea=idea,
                                  kind=form.cleaned_data["kind"], on=form.cleaned_data["on"])
        except DomainError as error:
            messages.error(request, str(error.message))
    return _back(challenge, idea)


@login_required
@require_POST
def idea_follow(request, slug, idea):
    challenge = challenge_or_404(request, slug)
    idea = idea_or_404(challenge, idea)
    follow = request.POST.get("follow") == "1"
    try:
        services.idea_follow(actor=request.actor, idea=idea, follow=follow)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("You follow this idea now.") if follow else
                         _("You no longer follow this idea."))
    return _back(challenge, idea)


@login_required
@require_POST
def idea_merge(request, slug, idea):
    challenge = challenge_or_404(request, slug)
    idea = idea_or_404(challenge, idea)
    others = [i for i in selectors.vote_options(challenge=challenge) if i.pk != idea.pk]
    form = MergeForm(request.POST, ideas=others)
    if form.is_valid():
        target = next(i for i in others if str(i.uuid) == form.cleaned_data["target"])
        try:
            services.idea_merge(actor=request.actor, source=idea, target=target)
        except DomainError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("The ideas have been merged."))
            return redirect("ideation:idea", slug=challenge.slug, idea=target.uuid)
    else:
        messages.error(request, _("Choose the idea to merge into."))
    return _back(challenge, idea)
