"""Organisations, their people, what they offer and seek, and the themes they work on."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zwerm.core.models import PublicIdModel, TimeStampedModel

kvk_validator = RegexValidator(
    r"^\d{8}$", _("A Chamber of Commerce (KvK) number has exactly 8 digits."), code="kvk"
)
oin_validator = RegexValidator(
    r"^\d{20}$", _("A government identification number (OIN) has exactly 20 digits."), code="oin"
)


class Region(models.TextChoices):
    DRENTHE = "drenthe", "Drenthe"
    FLEVOLAND = "flevoland", "Flevoland"
    FRIESLAND = "friesland", "Fryslân"
    GELDERLAND = "gelderland", "Gelderland"
    GRONINGEN = "groningen", "Groningen"
    LIMBURG = "limburg", "Limburg"
    NOORD_BRABANT = "noord-brabant", "Noord-Brabant"
    NOORD_HOLLAND = "noord-holland", "Noord-Holland"
    OVERIJSSEL = "overijssel", "Overijssel"
    UTRECHT = "utrecht", "Utrecht"
    ZEELAND = "zeeland", "Zeeland"
    ZUID_HOLLAND = "zuid-holland", "Zuid-Holland"
    NATIONAL = "national", _("The whole of the Netherlands")
    INTERNATIONAL = "international", _("International")


class Theme(models.Model):
    """A tag shared by organisations and ecosystems (e.g. 'circulair bouwen')."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.name


class Organisation(PublicIdModel, TimeStampedModel):
    class Kind(models.TextChoices):
        COMPANY = "company", _("Company")
        GOVERNMENT = "government", _("Government body")
        KNOWLEDGE = "knowledge", _("Knowledge institution")
        NONPROFIT = "nonprofit", _("Non-profit")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    website = models.URLField(_("website"), blank=True)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices, blank=True)
    description = models.TextField(
        _("description"), blank=True, help_text=_("Markdown: **bold**, *italic*, lists, links.")
    )
    logo = models.ImageField(_("logo"), upload_to="logos/%Y/", blank=True)
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="organisations"
    )
    kvk_number = models.CharField(
        _("Chamber of Commerce (KvK) number"), max_length=8, blank=True,
        validators=[kvk_validator],
    )
    oin = models.CharField(
        _("government identification number (OIN)"), max_length=20, blank=True,
        validators=[oin_validator],
    )
    is_verified = models.BooleanField(
        _("verified"), default=False, help_text=_("Set by an operator who checked the identity.")
    )
    merged_into = models.ForeignKey(
        "self", verbose_name=_("merged into"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="merged_from",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["kvk_number"], condition=~Q(kvk_number=""), name="unique_kvk_number"
            ),
            models.UniqueConstraint(fields=["oin"], condition=~Q(oin=""), name="unique_oin"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_merged(self) -> bool:
        return self.merged_into_id is not None


class ProfileEntry(PublicIdModel, TimeStampedModel):
    """One short thing an organisation offers or seeks: the matchmaker's raw material."""

    class Kind(models.TextChoices):
        OFFER = "offer", _("Offers")
        SEEK = "seek", _("Seeks")

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE,
        related_name="entries",
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["organisation", "kind", "position", "id"]
        verbose_name = _("offer or need")
        verbose_name_plural = _("offers and needs")

    def __str__(self) -> str:
        return self.title


class OrganisationMember(TimeStampedModel):
    """A person's place in an organisation, with its role; ``left_at`` ends it."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("Administrator")
        MEMBER = "member", _("Member")

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE,
        related_name="memberships",
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE,
        related_name="organisation_memberships",
    )
    role = models.CharField(_("role"), max_length=8, choices=Role.choices, default=Role.MEMBER)
    left_at = models.DateTimeField(_("left at"), null=True, blank=True)

    class Meta:
        verbose_name = _("organisation member")
        verbose_name_plural = _("organisation members")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "person"], condition=Q(left_at__isnull=True),
                name="one_current_place_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} @ {self.organisation}"

    @property
    def is_current(self) -> bool:
        return self.left_at is None


class OrganisationInvitation(PublicIdModel, TimeStampedModel):
    """An admin's invitation for a colleague; the UUID in the link is the secret."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE,
        related_name="invitations",
    )
    email = models.EmailField(_("email address"))
    role = models.CharField(
        _("role"), max_length=8, choices=OrganisationMember.Role.choices,
        default=OrganisationMember.Role.MEMBER,
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("invited by"), null=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    expires_at = models.DateTimeField(_("expires at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        # No email address: this label is snapshot into the public activity stream.
        return str(_("Invitation to %(organisation)s") % {"organisation": self.organisation})

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None and (
            self.expires_at > timezone.now()
        )
