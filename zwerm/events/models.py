"""Events and round tables: registrations with numbered seats, a waiting list and check-in."""

import secrets
import zoneinfo

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zwerm.core.models import PublicIdModel, TimeStampedModel
from zwerm.ecosystems.models import Ecosystem
from zwerm.organisations.models import Organisation


def new_secret() -> str:
    return secrets.token_urlsafe(24)


class EventSeries(PublicIdModel, TimeStampedModel):
    """A recurring event (e.g. a monthly round table): generated occurrences, each editable."""

    class Frequency(models.TextChoices):
        WEEKLY = "weekly", _("Every week")
        FORTNIGHTLY = "fortnightly", _("Every two weeks")
        MONTHLY = "monthly", _("Every month, on the same weekday")

    title = models.CharField(_("title"), max_length=200)
    frequency = models.CharField(_("repeats"), max_length=12, choices=Frequency.choices)
    ecosystem = models.ForeignKey(
        Ecosystem, verbose_name=_("ecosystem"), null=True, blank=True,
        on_delete=models.CASCADE, related_name="event_series",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    class Meta:
        ordering = ["title"]
        verbose_name = _("event series")
        verbose_name_plural = _("event series")

    def __str__(self) -> str:
        return self.title


class Event(PublicIdModel, TimeStampedModel):
    class Kind(models.TextChoices):
        ROUND_TABLE = "round_table", _("Round table")
        IDEATION = "ideation_session", _("Ideation session")
        MEETUP = "meetup", _("Meetup")
        ANNUAL = "annual_event", _("Annual event")
        WEBINAR = "webinar", _("Webinar")

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid: in person and online")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        MEMBERS = "members", _("Members of the ecosystem only")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MEETUP)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"))
    time_zone = models.CharField(_("time zone"), max_length=64, default="Europe/Amsterdam")
    mode = models.CharField(_("where"), max_length=10, choices=Mode.choices,
                            default=Mode.IN_PERSON)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), max_length=500, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty for no limit.")
    )
    per_organisation_limit = models.PositiveSmallIntegerField(
        _("seats per organisation"), null=True, blank=True,
        help_text=_("Empty for no limit."),
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    ecosystem = models.ForeignKey(
        Ecosystem, verbose_name=_("ecosystem"), null=True, blank=True,
        on_delete=models.CASCADE, related_name="events",
    )
    visibility = models.CharField(_("visibility"), max_length=8, choices=Visibility.choices,
                                  default=Visibility.PUBLIC)
    agenda = models.TextField(_("agenda"), blank=True, help_text=_("Markdown."))
    minutes = models.TextField(_("minutes"), blank=True, help_text=_("Markdown."))
    series = models.ForeignKey(
        EventSeries, verbose_name=_("series"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="events",
    )
    sequence = models.PositiveIntegerField(
        _("revision"), default=0, help_text=_("The iCalendar SEQUENCE: raised on every change.")
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True, max_length=2000)
    follow_up_ecosystem = models.ForeignKey(
        Ecosystem, verbose_name=_("follow-up ecosystem"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    follow_up_challenge_uuid = models.UUIDField(_("follow-up challenge"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")),
                                   name="event_ends_after_start"),
            models.CheckConstraint(condition=Q(capacity__isnull=True) | Q(capacity__gte=1),
                                   name="event_capacity_positive"),
            models.CheckConstraint(
                condition=Q(visibility="public") | Q(ecosystem__isnull=False),
                name="event_members_only_needs_ecosystem",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def is_round_table(self) -> bool:
        return self.kind == self.Kind.ROUND_TABLE

    @property
    def is_public(self) -> bool:
        return self.visibility == self.Visibility.PUBLIC

    @property
    def has_ended(self) -> bool:
        return self.ends_at <= timezone.now()

    @property
    def is_online(self) -> bool:
        return self.mode in (self.Mode.ONLINE, self.Mode.HYBRID)

    @property
    def is_in_person(self) -> bool:
        return self.mode in (self.Mode.IN_PERSON, self.Mode.HYBRID)

    def registration_state(self, now=None) -> str:
        """``open``, ``not_yet``, ``closed`` or ``cancelled``, computed when read."""
        now = now or timezone.now()
        if self.is_cancelled:
            return "cancelled"
        if self.registration_opens_at and now < self.registration_opens_at:
            return "not_yet"
        closes = self.registration_closes_at or self.starts_at
        if now >= closes:
            return "closed"
        return "open"


class Organiser(models.Model):
    """A person who runs an event; the creator comes first."""

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE,
                              related_name="organisers")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("person"),
                               on_delete=models.CASCADE, related_name="organised_events")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("for organisation"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("organiser")
        verbose_name_plural = _("organisers")
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="one_organiser_row")
        ]

    def __str__(self) -> str:
        return f"{self.person_id} organises {self.event_id}"


class Question(PublicIdModel):
    """A question asked at registration; the answers are for the organisers only."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Text")
        CHOICE = "choice", _("Choice")
        YES_NO = "yes_no", _("Yes or no")

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE,
                              related_name="questions")
    label = models.CharField(_("question"), max_length=300)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.TEXT)
    choices = models.JSONField(_("choices"), default=list, blank=True)
    required = models.BooleanField(_("required"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.label


class Registration(PublicIdModel, TimeStampedModel):
    """One person's (or guest's) place at an event.

    A confirmed registration holds a numbered seat; seats are unique per event and handed
    out only from 1 to the capacity under the event's row lock, so the database itself
    refuses a second holder of any seat.
    """

    class State(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("Waiting for email confirmation")
        CONFIRMED = "confirmed", _("Registered")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE,
                              related_name="registrations")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), null=True, blank=True,
        on_delete=models.CASCADE, related_name="event_registrations",
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="event_registrations",
    )
    guest_name = models.CharField(_("name"), max_length=150, blank=True)
    guest_email = models.EmailField(_("email address"), blank=True)
    language = models.CharField(_("language"), max_length=8, default="nl")
    state = models.CharField(_("state"), max_length=12, choices=State.choices)
    seat = models.PositiveIntegerField(_("seat"), null=True, blank=True)
    waiting_since = models.DateTimeField(_("waiting since"), null=True, blank=True)
    secret = models.CharField(_("link secret"), max_length=64, unique=True, default=new_secret)
    show_on_attendee_list = models.BooleanField(_("show me on the attendee list"), default=False)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("checked in by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    reminded_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="one_registration_per_person"),
            models.UniqueConstraint(
                fields=["event", "guest_email"], condition=Q(person__isnull=True),
                name="one_registration_per_guest_email",
            ),
            models.UniqueConstraint(fields=["event", "seat"], name="one_holder_per_seat"),
            models.CheckConstraint(condition=Q(seat__isnull=True) | Q(seat__gte=1),
                                   name="registration_seat_from_one"),
            models.CheckConstraint(
                condition=(Q(state="confirmed") & Q(seat__isnull=False))
                | (~Q(state="confirmed") & Q(seat__isnull=True)),
                name="registration_seat_iff_confirmed",
            ),
            models.CheckConstraint(
                condition=Q(person__isnull=False) | ~Q(guest_email=""),
                name="registration_person_or_guest",
            ),
        ]
        indexes = [
            models.Index(fields=["event", "state", "waiting_since"], name="registration_queue"),
        ]

    def __str__(self) -> str:
        # Never a name or an email: this label is copied into the activity stream.
        return str(_("a registration for %(event)s") % {"event": self.event.title})

    @property
    def is_guest(self) -> bool:
        return self.person_id is None

    @property
    def is_active(self) -> bool:
        return self.state in (self.State.CONFIRMED, self.State.WAITING)

    @property
    def display_name(self) -> str:
        """For organisers and opted-in lists: the account's name or the guest's."""
        return str(self.person) if self.person_id else self.guest_name

    @property
    def email(self) -> str:
        return self.person.email if self.person_id else self.guest_email

    @property
    def recipient_language(self) -> str:
        if self.person_id and self.person.language:
            return self.person.language
        return self.language or settings.LANGUAGE_CODE


class Answer(models.Model):
    registration = models.ForeignKey(Registration, verbose_name=_("registration"),
                                     on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, verbose_name=_("question"),
                                 on_delete=models.CASCADE, related_name="answers")
    value = models.TextField(_("answer"), max_length=2000, blank=True)

    class Meta:
        ordering = ["question__position", "question_id"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["registration", "question"], name="one_answer")
        ]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.value[:40]}"


class CalendarToken(models.Model):
    """The secret in a person's calendar feed address; regenerating it retires the old one."""

    person = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("person"),
                                  on_delete=models.CASCADE, related_name="calendar_token")
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_secret)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("calendar token")
        verbose_name_plural = _("calendar tokens")

    def __str__(self) -> str:
        return f"calendar of {self.person_id}"

