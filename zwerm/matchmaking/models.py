"""Matchmaking: the stored index, dismissed suggestions, introductions and connections."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from zwerm.core.models import PublicIdModel, TimeStampedModel
from zwerm.organisations.models import Organisation


class IndexVersion(models.Model):
    """One row: raised whenever an indexed organisation changes.

    Each process compares it with the version of its in-memory copy before answering,
    and reloads the rows changed since (``IndexedOrganisation.version``).
    """

    value = models.PositiveBigIntegerField(_("version"), default=0)
    analyser = models.CharField(_("analyser fingerprint"), max_length=32, blank=True)

    class Meta:
        verbose_name = _("index version")
        verbose_name_plural = _("index versions")

    def __str__(self) -> str:
        return str(self.value)


class IndexedOrganisation(models.Model):
    """What the engine knows of one organisation, with its entries' terms already analysed.

    Keyed by the organisation's id without a foreign key: when an organisation is merged or
    deleted its row stays, inactive, so other processes learn to drop it.
    """

    organisation_id = models.PositiveBigIntegerField(_("organisation"), unique=True)
    kind = models.CharField(_("kind"), max_length=16)
    themes = models.JSONField(_("themes"), default=list)
    ecosystems = models.JSONField(_("ecosystems"), default=list)
    entries = models.JSONField(_("entries"), default=list)
    active = models.BooleanField(_("active"), default=True)
    version = models.PositiveBigIntegerField(_("version"), db_index=True)

    class Meta:
        verbose_name = _("indexed organisation")
        verbose_name_plural = _("indexed organisations")

    def __str__(self) -> str:
        return f"{self.organisation_id}@{self.version}"


class Dismissal(TimeStampedModel):
    """An organisation no longer wants to see another one among its suggestions."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE,
        related_name="dismissals",
    )
    dismissed = models.ForeignKey(
        Organisation, verbose_name=_("dismissed organisation"), on_delete=models.CASCADE,
        related_name="+",
    )
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dismissed by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    class Meta:
        verbose_name = _("dismissed suggestion")
        verbose_name_plural = _("dismissed suggestions")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "dismissed"], name="dismiss_once")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ✕ {self.dismissed}"


class Introduction(PublicIdModel, TimeStampedModel):
    """One organisation asks to be introduced to another, which accepts or declines."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    requester = models.ForeignKey(
        Organisation, verbose_name=_("from"), on_delete=models.CASCADE,
        related_name="introductions_sent",
    )
    recipient = models.ForeignKey(
        Organisation, verbose_name=_("to"), on_delete=models.CASCADE,
        related_name="introductions_received",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    message = models.TextField(_("message"), max_length=2000)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING
    )
    reply = models.TextField(_("reply"), blank=True, max_length=2000)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("answered by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("introduction")
        verbose_name_plural = _("introductions")
        constraints = [
            models.UniqueConstraint(
                fields=["requester", "recipient"], condition=Q(state="pending"),
                name="one_pending_introduction",
            ),
            models.CheckConstraint(
                condition=~Q(requester=F("recipient")), name="introduction_to_another",
            ),
        ]

    def __str__(self) -> str:
        # Snapshot into the activity stream as a label: names only, no message.
        return f"{self.requester} → {self.recipient}"


class Connection(TimeStampedModel):
    """Two organisations that know each other through an accepted introduction.

    Stored once per pair, the lower id first, so the pair is unique in the database.
    """

    first = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE,
        related_name="+",
    )
    second = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE,
        related_name="+",
    )
    introduction = models.OneToOneField(
        Introduction, verbose_name=_("introduction"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="connection",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("connection")
        verbose_name_plural = _("connections")
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="one_connection_per_pair"),
            models.CheckConstraint(condition=Q(first__lt=F("second")), name="connection_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.first} ↔ {self.second}"

    def other(self, organisation_id: int) -> Organisation:
        return self.second if self.first_id == organisation_id else self.first
