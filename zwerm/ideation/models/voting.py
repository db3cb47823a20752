"""Ballots, published results, and the initiatives organisations commit to."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from zwerm.core.models import PublicIdModel, TimeStampedModel
from zwerm.ideation.models.challenges import Challenge
from zwerm.ideation.models.ideas import Cluster, Idea


class Ballot(TimeStampedModel):
    """One voter's ballot in one challenge.

    ``voter_key`` (a keyed digest of challenge and person) keeps one ballot per voter without
    a foreign key to the person; ``person`` is filled only for open votes. ``public_id`` is
    random and renewed on every change, so an export cannot be matched to the activity stream.
    """

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="ballots")
    voter_key = models.CharField(max_length=64)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation_kind = models.CharField(max_length=16, blank=True)
    public_id = models.UUIDField(default=uuid.uuid4, unique=True)
    choices = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [
            models.UniqueConstraint(fields=["challenge", "voter_key"], name="one_ballot_per_voter")
        ]

    def __str__(self) -> str:
        return str(self.public_id)


class Result(TimeStampedModel):
    """The tally of a closed vote as published, kept so later recounts can be compared."""

    challenge = models.OneToOneField(Challenge, on_delete=models.CASCADE, related_name="result")
    data = models.JSONField(default=dict)
    digest = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("result")
        verbose_name_plural = _("results")

    def __str__(self) -> str:
        return self.digest


class Initiative(PublicIdModel, TimeStampedModel):
    """A selected idea or cluster that starts once enough organisations commit to it."""

    challenge = models.ForeignKey(
        Challenge, verbose_name=_("challenge"), on_delete=models.CASCADE,
        related_name="initiatives",
    )
    idea = models.ForeignKey(
        Idea, verbose_name=_("idea"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="initiatives",
    )
    cluster = models.ForeignKey(
        Cluster, verbose_name=_("cluster"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="initiatives",
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    threshold = models.PositiveSmallIntegerField(_("organisations needed"))
    selected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)

    class Meta:
        ordering = ["challenge", "created_at"]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")

    def __str__(self) -> str:
        return self.title

    @property
    def is_started(self) -> bool:
        return self.started_at is not None


class Commitment(PublicIdModel, TimeStampedModel):
    initiative = models.ForeignKey(
        Initiative, verbose_name=_("initiative"), on_delete=models.CASCADE,
        related_name="commitments",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE,
        related_name="ideation_commitments",
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("committed by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    text = models.TextField(_("what we commit"), max_length=2000)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "organisation"], name="one_commitment_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return self.text[:60]
