"""Ecosystems: a shared goal, a charter, member organisations and the people's roles."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zwerm.core.models import PublicIdModel, TimeStampedModel
from zwerm.organisations.models import Organisation, Theme

PRINCIPLES = (
    "reciprocity",
    "transparency",
    "self_organisation",
    "interoperability",
    "elasticity",
)


class Ecosystem(PublicIdModel, TimeStampedModel):
    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        MEMBERS = "members", _("Members only")

    class JoinPolicy(models.TextChoices):
        OPEN = "open", _("Open: organisations join at once")
        REQUEST = "request", _("On request: a facilitator accepts")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    goal = models.TextField(_("shared goal"), max_length=1000)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    visibility = models.CharField(
        _("visibility"), max_length=8, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    join_policy = models.CharField(
        _("joining"), max_length=8, choices=JoinPolicy.choices, default=JoinPolicy.REQUEST
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="ecosystems"
    )
    charter_reciprocity = models.TextField(_("reciprocity"), blank=True)
    charter_transparency = models.TextField(_("transparency"), blank=True)
    charter_self_organisation = models.TextField(_("self-organisation"), blank=True)
    charter_interoperability = models.TextField(_("interoperability"), blank=True)
    charter_elasticity = models.TextField(_("elasticity"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("ecosystem")
        verbose_name_plural = _("ecosystems")

    def __str__(self) -> str:
        return self.name

    @property
    def is_public(self) -> bool:
        return self.visibility == self.Visibility.PUBLIC

    def charter_text(self, principle: str) -> str:
        return getattr(self, f"charter_{principle}")


class Membership(PublicIdModel, TimeStampedModel):
    """An organisation's place in an ecosystem; every change of state is kept as an event."""

    class Kind(models.TextChoices):
        MEMBER = "member", _("Member")
        OBSERVER = "observer", _("Observer")

    class State(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        INVITED = "invited", _("Invited")
        ACTIVE = "active", _("Active")
        PAUSED = "paused", _("Paused")
        LEFT = "left", _("Left")
        DECLINED = "declined", _("Declined")

    ecosystem = models.ForeignKey(
        Ecosystem, verbose_name=_("ecosystem"), on_delete=models.CASCADE,
        related_name="memberships",
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE,
        related_name="ecosystem_memberships",
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.MEMBER)
    state = models.CharField(_("state"), max_length=10, choices=State.choices)
    state_changed_at = models.DateTimeField(_("state since"), default=timezone.now)

    class Meta:
        ordering = ["ecosystem", "organisation__name"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["ecosystem", "organisation"], name="one_membership_per_organisation"
            )
        ]
        indexes = [models.Index(fields=["organisation", "state"], name="membership_org_state")]

    def __str__(self) -> str:
        return f"{self.organisation} in {self.ecosystem} ({self.state})"


class MembershipEvent(models.Model):
    """One step in a membership's history, with the reason given."""

    membership = models.ForeignKey(
        Membership, verbose_name=_("membership"), on_delete=models.CASCADE, related_name="events"
    )
    from_state = models.CharField(
        _("from"), max_length=10, choices=Membership.State.choices, blank=True
    )
    to_state = models.CharField(_("to"), max_length=10, choices=Membership.State.choices)
    kind = models.CharField(_("kind"), max_length=8, choices=Membership.Kind.choices)
    reason = models.TextField(_("reason"), blank=True, max_length=2000)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    created_at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("membership event")
        verbose_name_plural = _("membership events")

    def __str__(self) -> str:
        return f"{self.from_state or '∅'} → {self.to_state}"


class Role(PublicIdModel):
    """A person's role in an ecosystem; ``ended_at`` keeps the history of who held it."""

    class Name(models.TextChoices):
        FACILITATOR = "facilitator", _("Facilitator")
        DELEGATE = "delegate", _("Delegate")

    ecosystem = models.ForeignKey(
        Ecosystem, verbose_name=_("ecosystem"), on_delete=models.CASCADE, related_name="roles"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE,
        related_name="ecosystem_roles",
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("for organisation"), on_delete=models.CASCADE,
        related_name="ecosystem_roles",
    )
    name = models.CharField(_("role"), max_length=12, choices=Name.choices)
    appointed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("appointed by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    started_at = models.DateTimeField(_("since"), default=timezone.now)
    ended_at = models.DateTimeField(_("until"), null=True, blank=True)

    class Meta:
        ordering = ["ecosystem", "name", "started_at"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.UniqueConstraint(
                fields=["ecosystem", "organisation"],
                condition=Q(name="delegate", ended_at__isnull=True),
                name="one_delegate_per_organisation",
            ),
            models.UniqueConstraint(
                fields=["ecosystem", "person", "name"],
                condition=Q(ended_at__isnull=True),
                name="one_current_role_per_person",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_name_display()} ({self.ecosystem})"


class EcosystemInvitation(PublicIdModel, TimeStampedModel):
    """A facilitator's invitation by email; the link's UUID is the secret.

    It names an organisation when the facilitator knows it, or only an email address, in
    which case the person who accepts chooses (or creates) the organisation that joins.
    """

    class Outcome(models.TextChoices):
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        REVOKED = "revoked", _("Withdrawn")

    ecosystem = models.ForeignKey(
        Ecosystem, verbose_name=_("ecosystem"), on_delete=models.CASCADE,
        related_name="invitations",
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), null=True, blank=True,
        on_delete=models.CASCADE, related_name="ecosystem_invitations",
    )
    email = models.EmailField(_("email address"))
    kind = models.CharField(
        _("as"), max_length=8, choices=Membership.Kind.choices, default=Membership.Kind.MEMBER
    )
    message = models.TextField(_("message"), blank=True, max_length=2000)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("invited by"), null=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    language = models.CharField(_("language"), max_length=8, default="nl")
    expires_at = models.DateTimeField(_("expires at"))
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=10, choices=Outcome.choices, blank=True
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("answered by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    answer_reason = models.TextField(_("reason"), blank=True, max_length=2000)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("ecosystem invitation")
        verbose_name_plural = _("ecosystem invitations")

    def __str__(self) -> str:
        # Never the email address: this label is copied into the public activity stream.
        if self.organisation_id:
            return str(self.organisation)
        return str(_("an organisation invited by email"))

    @property
    def is_open(self) -> bool:
        return self.answered_at is None and self.expires_at > timezone.now()

    @property
    def is_expired(self) -> bool:
        return self.answered_at is None and self.expires_at <= timezone.now()
