"""A challenge: a shared question that runs through phases from ideas to initiatives."""

from __future__ import annotations

import secrets
from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zwerm.core.models import PublicIdModel, TimeStampedModel


class Phase(models.TextChoices):
    COLLECT = "collect", _("Collect ideas")
    REFINE = "refine", _("Refine and cluster")
    VOTE = "vote", _("Vote")
    SELECT = "select", _("Select and commit")
    CLOSED = "closed", _("Closed")


PHASE_ORDER = [Phase.COLLECT, Phase.REFINE, Phase.VOTE, Phase.SELECT, Phase.CLOSED]
# The date field on which each phase (after the first) starts.
PHASE_STARTS = {
    Phase.REFINE: "refine_starts_at",
    Phase.VOTE: "vote_starts_at",
    Phase.SELECT: "select_starts_at",
    Phase.CLOSED: "closes_at",
}


def _new_salt() -> str:
    return secrets.token_hex(16)


class Challenge(PublicIdModel, TimeStampedModel):
    """Phases follow their dates unless a facilitator moved the challenge by hand."""

    class Method(models.TextChoices):
        DOT = "dot", _("Dot voting")
        APPROVAL = "approval", _("Approval voting")
        SCORE = "score", _("Score voting (0–5)")
        RANKED = "ranked", _("Ranked ballots (Schulze method)")

    class Weighting(models.TextChoices):
        PERSON = "person", _("Every person counts equally")
        ORGANISATION = "organisation", _("Every organisation counts equally")

    ecosystem = models.ForeignKey(
        "ecosystems.Ecosystem", verbose_name=_("ecosystem"), null=True, blank=True,
        on_delete=models.CASCADE, related_name="challenges",
    )
    slug = models.SlugField(_("web address"), max_length=80, unique=True)
    question = models.CharField(_("question"), max_length=300)
    context = models.TextField(_("context"), blank=True, help_text=_("Markdown."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("started by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("started for"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("facilitators"), blank=True,
        related_name="facilitated_challenges",
    )
    opens_at = models.DateTimeField(_("ideas from"), default=timezone.now)
    refine_starts_at = models.DateTimeField(_("refining from"), null=True, blank=True)
    vote_starts_at = models.DateTimeField(_("voting from"), null=True, blank=True)
    select_starts_at = models.DateTimeField(_("selection from"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes at"), null=True, blank=True)
    manual_phase = models.CharField(
        _("phase set by hand"), max_length=8, choices=Phase.choices, blank=True,
        help_text=_("Empty: the phase follows the dates."),
    )
    announced_phase = models.CharField(
        _("last announced phase"), max_length=8, choices=Phase.choices, blank=True,
        editable=False,
    )
    method = models.CharField(
        _("voting method"), max_length=8, choices=Method.choices, default=Method.DOT
    )
    dots = models.PositiveSmallIntegerField(_("dots per voter"), default=5)
    weighting = models.CharField(
        _("weighting"), max_length=12, choices=Weighting.choices, default=Weighting.PERSON
    )
    secret = models.BooleanField(_("secret ballot"), default=True)
    commitment_threshold = models.PositiveSmallIntegerField(
        _("organisations needed to start an initiative"), default=3
    )
    salt = models.CharField(max_length=32, default=_new_salt, editable=False)
    source_uuid = models.UUIDField(
        _("source"), null=True, blank=True,
        help_text=_("The round table or other object this challenge came from."),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("challenge")
        verbose_name_plural = _("challenges")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(dots__gte=1) & models.Q(dots__lte=100), name="challenge_dots"
            ),
            models.CheckConstraint(
                condition=models.Q(commitment_threshold__gte=1), name="challenge_threshold"
            ),
        ]

    def __str__(self) -> str:
        return self.question

    def phase_at(self, moment: datetime) -> str:
        """The phase at ``moment``: the hand-set one, or the last whose date has passed."""
        if self.manual_phase:
            return self.manual_phase
        current = Phase.COLLECT
        for phase, field in PHASE_STARTS.items():
            start = getattr(self, field)
            if start is not None and start <= moment:
                current = phase
        return current

    @property
    def phase(self) -> str:
        return self.phase_at(timezone.now())

    @property
    def is_open(self) -> bool:
        return self.phase != Phase.CLOSED

    @property
    def is_public(self) -> bool:
        return self.ecosystem_id is None or self.ecosystem.is_public

    def phase_label(self) -> str:
        return str(Phase(self.phase).label)

    def phase_index(self) -> int:
        return PHASE_ORDER.index(Phase(self.phase))
