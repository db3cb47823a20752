"""Working groups: self-organised teams of people (with their organisations) in an ecosystem."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zwerm.core.models import PublicIdModel, TimeStampedModel


class WorkingGroup(PublicIdModel, TimeStampedModel):
    class JoinPolicy(models.TextChoices):
        OPEN = "open", _("Open: anyone from a member organisation joins at once")
        REQUEST = "request", _("On request: the lead accepts")

    ecosystem = models.ForeignKey(
        "ecosystems.Ecosystem", verbose_name=_("ecosystem"), on_delete=models.CASCADE,
        related_name="working_groups",
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80)
    purpose = models.TextField(_("purpose"), max_length=2000)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    join_policy = models.CharField(
        _("joining"), max_length=8, choices=JoinPolicy.choices, default=JoinPolicy.OPEN
    )
    rotation_months = models.PositiveSmallIntegerField(
        _("role term (months)"), null=True, blank=True,
        help_text=_("After how many months the lead and secretary roles rotate. Leave empty "
                    "for no fixed term."),
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("started by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    started_for = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("started by organisation"),
        on_delete=models.PROTECT, related_name="started_working_groups",
    )
    initiative = models.OneToOneField(
        "ideation.Initiative", verbose_name=_("from initiative"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="working_group",
    )
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)
    archive_reason = models.TextField(_("why archived"), blank=True, max_length=2000)

    class Meta:
        ordering = ["name"]
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        constraints = [
            models.UniqueConstraint(fields=["ecosystem", "slug"],
                                    name="working_group_slug_per_ecosystem"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None


class WorkingGroupMember(PublicIdModel, TimeStampedModel):
    """A person in a working group, for one of their organisations; left members stay listed."""

    class State(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        ACTIVE = "active", _("Active")
        LEFT = "left", _("Left")
        DECLINED = "declined", _("Declined")

    working_group = models.ForeignKey(
        WorkingGroup, verbose_name=_("working group"), on_delete=models.CASCADE,
        related_name="members",
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE,
        related_name="working_group_memberships",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("for organisation"),
        on_delete=models.CASCADE, related_name="working_group_memberships",
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices)
    joined_at = models.DateTimeField(_("joined at"), null=True, blank=True)
    left_at = models.DateTimeField(_("left at"), null=True, blank=True)

    class Meta:
        ordering = ["working_group", "person__name"]
        verbose_name = _("working group member")
        verbose_name_plural = _("working group members")
        constraints = [
            models.UniqueConstraint(
                fields=["working_group", "person"],
                condition=Q(state__in=["requested", "active"]),
                name="one_open_working_group_membership",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} in {self.working_group} ({self.state})"


class WorkingGroupRole(PublicIdModel):
    """Who holds a rotating role; ended rows are the role's history."""

    class Name(models.TextChoices):
        LEAD = "lead", _("Lead")
        SECRETARY = "secretary", _("Secretary")

    working_group = models.ForeignKey(
        WorkingGroup, verbose_name=_("working group"), on_delete=models.CASCADE,
        related_name="roles",
    )
    name = models.CharField(_("role"), max_length=10, choices=Name.choices)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE,
        related_name="working_group_roles",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("for organisation"),
        on_delete=models.CASCADE, related_name="working_group_roles",
    )
    started_at = models.DateTimeField(_("since"), default=timezone.now)
    term_ends_on = models.DateField(_("term ends"), null=True, blank=True)
    ended_at = models.DateTimeField(_("until"), null=True, blank=True)
    end_reason = models.CharField(_("why it ended"), max_length=300, blank=True)
    reminded_at = models.DateTimeField(
        _("term end announced at"), null=True, blank=True,
        help_text=_("When the holder and the group were told the term ends soon (once per "
                    "term)."),
    )

    class Meta:
        ordering = ["working_group", "name", "-started_at"]
        verbose_name = _("working group role")
        verbose_name_plural = _("working group roles")
        constraints = [
            models.UniqueConstraint(
                fields=["working_group", "name"], condition=Q(ended_at__isnull=True),
                name="one_holder_per_working_group_role",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_name_display()} of {self.working_group}: {self.person}"


class WorkingGroupPost(PublicIdModel, TimeStampedModel):
    """A message in the group's discussion thread, or an announcement members are told of."""

    class Kind(models.TextChoices):
        MESSAGE = "message", _("Message")
        ANNOUNCEMENT = "announcement", _("Announcement")

    working_group = models.ForeignKey(
        WorkingGroup, verbose_name=_("working group"), on_delete=models.CASCADE,
        related_name="posts",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.MESSAGE)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("for organisation"), null=True,
        blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    reply_to = models.ForeignKey(
        "self", verbose_name=_("reply to"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="replies",
    )
    body = models.TextField(_("message"), max_length=10000, help_text=_("Markdown."))
    deleted_at = models.DateTimeField(
        _("deleted at"), null=True, blank=True,
        help_text=_("A deleted post keeps its place (and its replies) without its text."),
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("working group post")
        verbose_name_plural = _("working group posts")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} in {self.working_group}"
