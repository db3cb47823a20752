"""The activity stream and notifications: the one record every later reader follows."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class PublicIdModel(models.Model):
    """A UUID for URLs and the API, so that no private object has a guessable identifier."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        abstract = True


class ActivityCounter(models.Model):
    """One row whose lock hands out activity sequence numbers in commit order.

    A database sequence can commit out of order under concurrency; a reader following
    the stream by cursor would then skip rows. Taking this row's lock inside the writing
    transaction makes every sequence number visible in the order it was given.
    """

    name = models.CharField(max_length=32, unique=True)
    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("activity counter")
        verbose_name_plural = _("activity counters")

    def __str__(self) -> str:
        return f"{self.name}: {self.value}"


class Activity(models.Model):
    """One state change, recorded by the service that made it, in the same transaction."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    seq = models.BigIntegerField(_("sequence number"), unique=True, editable=False)
    verb = models.CharField(_("verb"), max_length=100, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
    )
    is_system = models.BooleanField(_("system action"), default=False)
    organisation_uuid = models.UUIDField(_("organisation UUID"), null=True, blank=True)
    organisation_label = models.CharField(_("organisation"), max_length=200, blank=True)
    ecosystem_uuid = models.UUIDField(_("ecosystem UUID"), null=True, blank=True)
    ecosystem_label = models.CharField(_("ecosystem"), max_length=200, blank=True)
    subject_type = models.CharField(_("subject type"), max_length=60)
    subject_uuid = models.UUIDField(_("subject UUID"), null=True, blank=True)
    subject_label = models.CharField(_("subject"), max_length=300, blank=True)
    payload = models.JSONField(_("payload"), default=dict, blank=True)
    created_at = models.DateTimeField(_("time"), db_index=True)

    class Meta:
        ordering = ["-seq"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        indexes = [
            models.Index(fields=["ecosystem_uuid", "seq"], name="activity_ecosystem_seq"),
            models.Index(fields=["organisation_uuid", "seq"], name="activity_org_seq"),
            models.Index(fields=["subject_uuid"], name="activity_subject"),
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.verb}"


class Notification(models.Model):
    """An in-app notification for one person, derived from an activity."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=80)
    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), null=True, blank=True, on_delete=models.CASCADE
    )
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("emailed at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_id}"


class NotificationPreference(models.Model):
    """How one person wants to hear about one kind of notification."""

    class Channel(models.TextChoices):
        IMMEDIATE = "immediate", _("In the app and by email right away")
        DIGEST = "digest", _("In the app and in a daily email digest")
        APP = "app", _("Only in the app")
        OFF = "off", _("Not at all")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(_("kind"), max_length=80)
    channel = models.CharField(_("channel"), max_length=12, choices=Channel.choices)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["person", "kind"], name="one_preference_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.person_id} {self.kind}: {self.channel}"
