"""Proposals decided by consent (or simple polls), positions, and the decisions they become."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from zwerm.core.models import PublicIdModel, TimeStampedModel


class Proposal(PublicIdModel, TimeStampedModel):
    class Kind(models.TextChoices):
        CONSENT = "consent", _("Consent proposal")
        POLL = "poll", _("Poll")

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    ecosystem = models.ForeignKey(
        "ecosystems.Ecosystem", verbose_name=_("ecosystem"), on_delete=models.CASCADE,
        related_name="proposals",
    )
    working_group = models.ForeignKey(
        "collaboration.WorkingGroup", verbose_name=_("asked of working group"), null=True,
        blank=True, on_delete=models.CASCADE, related_name="proposals",
        help_text=_("Empty: the whole ecosystem is asked."),
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.CONSENT)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("proposal"), max_length=20000, help_text=_("Markdown."))
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("proposed by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    proposer_organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("for organisation"),
        on_delete=models.PROTECT, related_name="proposals",
    )
    deadline = models.DateTimeField(_("deadline"))
    decision_mode = models.CharField(
        _("who gives positions"), max_length=12,
        choices=[("organisation", _("Per organisation, through its delegate")),
                 ("person", _("Every person"))],
        help_text=_("Copied from the ecosystem's settings when the proposal opens."),
    )
    quorum_percent = models.PositiveSmallIntegerField(_("quorum (%)"), null=True, blank=True)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    state = models.CharField(_("state"), max_length=10, choices=State.choices,
                             default=State.OPEN)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    reminded_version = models.PositiveSmallIntegerField(
        _("reminder sent for version"), default=0,
        help_text=_("The version whose deadline reminder went out, so it goes out once."),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        indexes = [models.Index(fields=["state", "deadline"], name="proposal_state_deadline")]

    def __str__(self) -> str:
        return self.title


class ProposalVersion(models.Model):
    """The text of each version; an amendment adds one and asks every position again."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("proposal"), max_length=20000)
    reason = models.TextField(_("why amended"), blank=True, max_length=2000)
    deadline = models.DateTimeField(_("deadline"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("written by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        ordering = ["proposal", "number"]
        verbose_name = _("proposal version")
        verbose_name_plural = _("proposal versions")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "number"], name="one_version_number"),
        ]

    def __str__(self) -> str:
        return f"{self.proposal} v{self.number}"


class PollOption(PublicIdModel):
    proposal = models.ForeignKey(
        Proposal, verbose_name=_("poll"), on_delete=models.CASCADE, related_name="options"
    )
    label = models.CharField(_("option"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["proposal", "position", "id"]
        verbose_name = _("poll option")
        verbose_name_plural = _("poll options")

    def __str__(self) -> str:
        return self.label


class Position(PublicIdModel, TimeStampedModel):
    """One voter's position on one version; a changed position supersedes the earlier one.

    ``voter_key`` is ``org:<uuid>`` when organisations respond through their delegate and
    ``person:<uuid>`` when every person responds, so one current position per voter holds in
    the database.
    """

    class Stance(models.TextChoices):
        CONSENT = "consent", _("Consent")
        ABSTAIN = "abstain", _("Abstain")
        CONCERN = "concern", _("Concern")
        OBJECTION = "objection", _("Objection")

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="positions"
    )
    version = models.PositiveSmallIntegerField(_("version"))
    voter_key = models.CharField(max_length=60)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("for organisation"),
        on_delete=models.PROTECT, related_name="+",
    )
    stance = models.CharField(_("position"), max_length=10, choices=Stance.choices,
                              blank=True)
    option = models.ForeignKey(
        PollOption, verbose_name=_("option"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="positions",
    )
    reason = models.TextField(_("reason"), blank=True, max_length=5000)
    superseded_at = models.DateTimeField(_("superseded at"), null=True, blank=True)
    objection_resolved_at = models.DateTimeField(_("objection resolved at"), null=True,
                                                 blank=True)

    class Meta:
        ordering = ["proposal", "version", "created_at"]
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "version", "voter_key"],
                condition=Q(superseded_at__isnull=True),
                name="one_current_position_per_voter",
            ),
            models.CheckConstraint(
                condition=~Q(stance="objection") | ~Q(reason=""),
                name="objection_has_reason",
            ),
            models.CheckConstraint(
                condition=(~Q(stance="") & Q(option__isnull=True))
                | (Q(stance="") & Q(option__isnull=False)),
                name="position_is_stance_or_option",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.voter_key}: {self.stance or self.option_id}"


class Decision(PublicIdModel, TimeStampedModel):
    """The recorded outcome of a proposal, listed in the ecosystem's decision register."""

    class Outcome(models.TextChoices):
        ADOPTED = "adopted", _("Adopted")
        NOT_ADOPTED = "not_adopted", _("Not adopted")
        POLL_RESULT = "poll_result", _("Poll result")

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="decisions"
    )
    ecosystem = models.ForeignKey(
        "ecosystems.Ecosystem", verbose_name=_("ecosystem"), on_delete=models.CASCADE,
        related_name="decisions",
    )
    number = models.PositiveIntegerField(_("number"))
    version = models.PositiveSmallIntegerField(_("version decided"))
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices)
    statement = models.TextField(_("outcome statement"), max_length=5000)
    tally = models.JSONField(_("count"), default=dict)
    decided_at = models.DateTimeField(_("decided at"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    class Meta:
        ordering = ["-decided_at", "-id"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.UniqueConstraint(fields=["ecosystem", "number"],
                                    name="decision_number_per_ecosystem"),
            models.UniqueConstraint(fields=["proposal", "version"],
                                    name="one_decision_per_version"),
        ]

    def __str__(self) -> str:
        return f"#{self.number} {self.proposal}"
