"""Ideas and what gathers around them: comments, reactions, links, merges and clusters."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from zwerm.core.models import PublicIdModel, TimeStampedModel
from zwerm.ideation.models.challenges import Challenge


class Cluster(PublicIdModel, TimeStampedModel):
    """A named group of ideas; ``origin`` keeps whether the assistant proposed it."""

    class Origin(models.TextChoices):
        MANUAL = "manual", _("Made by hand")
        PROPOSED = "proposed", _("Proposed by the assistant")

    class State(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    challenge = models.ForeignKey(
        Challenge, verbose_name=_("challenge"), on_delete=models.CASCADE, related_name="clusters"
    )
    name = models.CharField(_("name"), max_length=200)
    origin = models.CharField(_("origin"), max_length=8, choices=Origin.choices)
    state = models.CharField(_("state"), max_length=8, choices=State.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("made by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("The facilitator who made it, or who asked the assistant."),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("accepted or rejected by"), null=True,
        blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    edited = models.BooleanField(_("edited after the proposal"), default=False)
    keywords = models.JSONField(_("keywords"), default=list, blank=True)
    proposed_ideas = models.JSONField(
        _("proposed ideas"), default=list, blank=True,
        help_text=_("The ideas the assistant put in this cluster, until it is accepted."),
    )

    class Meta:
        ordering = ["challenge", "name"]
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")

    def __str__(self) -> str:
        return self.name


class Idea(PublicIdModel, TimeStampedModel):
    challenge = models.ForeignKey(
        Challenge, verbose_name=_("challenge"), on_delete=models.CASCADE, related_name="ideas"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="ideas",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("organisation"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="ideas",
    )
    co_authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("co-authors"), blank=True,
        related_name="co_authored_ideas",
    )
    tags = models.JSONField(_("tags"), default=list, blank=True)
    builds_on = models.ManyToManyField(
        "self", verbose_name=_("builds on"), through="IdeaLink", symmetrical=False,
        related_name="built_upon_by", blank=True,
    )
    cluster = models.ForeignKey(
        Cluster, verbose_name=_("cluster"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="ideas",
    )
    merged_into = models.ForeignKey(
        "self", verbose_name=_("merged into"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="merged_from",
    )
    position = models.PositiveIntegerField(
        _("number"), default=0, help_text=_("Order of submission; breaks ties in results.")
    )

    class Meta:
        ordering = ["challenge", "position"]
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        constraints = [
            models.UniqueConstraint(fields=["challenge", "position"], name="idea_position"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_merged(self) -> bool:
        return self.merged_into_id is not None


class IdeaLink(models.Model):
    """``idea`` builds on ``target``."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="links_out")
    target = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="links_in")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("idea link")
        verbose_name_plural = _("idea links")
        constraints = [
            models.UniqueConstraint(fields=["idea", "target"], name="idea_link_once"),
            models.CheckConstraint(condition=~Q(idea=models.F("target")), name="idea_link_other"),
        ]

    def __str__(self) -> str:
        return f"{self.idea_id} → {self.target_id}"


class IdeaMerge(models.Model):
    """One merge of a duplicate into an idea, kept so the history stays visible."""

    source = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="merges_out")
    target = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="merges_in")
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    comments_moved = models.PositiveIntegerField(default=0)
    ballots_moved = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("idea merge")
        verbose_name_plural = _("idea merges")

    def __str__(self) -> str:
        return f"{self.source_id} ⇒ {self.target_id}"


class Comment(PublicIdModel, TimeStampedModel):
    idea = models.ForeignKey(
        Idea, verbose_name=_("idea"), on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self", verbose_name=_("reply to"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="replies",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("organisation"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    body = models.TextField(_("comment"), max_length=5000)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return self.body[:60]


class Reaction(models.Model):
    class Kind(models.TextChoices):
        SUPPORT = "support", _("I support this")
        INTERESTED = "interested", _("I'm interested")
        CONCERN = "concern", _("I have a concern")

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="reactions")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("reaction"), max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")
        constraints = [
            models.UniqueConstraint(fields=["idea", "person", "kind"], name="reaction_once"),
        ]

    def __str__(self) -> str:
        return self.kind


class Follow(models.Model):
    """A person hears about new comments on an idea they follow."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="follows")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [models.UniqueConstraint(fields=["idea", "person"], name="follow_once")]

    def __str__(self) -> str:
        return f"{self.person_id} follows {self.idea_id}"
