"""Commitments (what an organisation promises) and contributions (what was given, two-sided)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from zwerm.collaboration.models.types import (
    QUANTITY_DIGITS,
    QUANTITY_PLACES,
    ContributionType,
    unit_label,
)
from zwerm.core.models import PublicIdModel, TimeStampedModel


class Commitment(PublicIdModel, TimeStampedModel):
    """A promise to a deliverable, an initiative or a working group; delivery follows from
    the contributions linked to it."""

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        FULFILLED = "fulfilled", _("Fulfilled")
        RELEASED = "released", _("Released")
        HANDED_OVER = "handed_over", _("Handed over")

    ecosystem = models.ForeignKey(
        "ecosystems.Ecosystem", verbose_name=_("ecosystem"), on_delete=models.CASCADE,
        related_name="commitments",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("organisation"), on_delete=models.PROTECT,
        related_name="collaboration_commitments",
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("committed by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    deliverable = models.ForeignKey(
        "collaboration.Deliverable", verbose_name=_("deliverable"), null=True, blank=True,
        on_delete=models.CASCADE, related_name="commitments",
    )
    working_group = models.ForeignKey(
        "collaboration.WorkingGroup", verbose_name=_("working group"), null=True, blank=True,
        on_delete=models.CASCADE, related_name="commitments",
    )
    initiative = models.ForeignKey(
        "ideation.Initiative", verbose_name=_("initiative"), null=True, blank=True,
        on_delete=models.CASCADE, related_name="collaboration_commitments",
    )
    type = models.CharField(_("type"), max_length=12, choices=ContributionType.choices)
    quantity = models.DecimalField(
        _("quantity"), max_digits=QUANTITY_DIGITS, decimal_places=QUANTITY_PLACES
    )
    unit = models.CharField(_("unit"), max_length=30)
    due_on = models.DateField(_("by when"))
    description = models.TextField(_("description"), blank=True, max_length=2000)
    state = models.CharField(_("state"), max_length=12, choices=State.choices,
                             default=State.OPEN)
    fulfilled_at = models.DateTimeField(_("fulfilled at"), null=True, blank=True)
    fulfilled_on = models.DateField(
        _("fulfilled on"), null=True, blank=True,
        help_text=_("The date of the contribution that completed the commitment."),
    )
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    closed_reason = models.TextField(_("why closed"), blank=True, max_length=2000)
    handed_over_from = models.ForeignKey(
        "self", verbose_name=_("handed over from"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="handed_over_to",
    )

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(deliverable__isnull=False, working_group__isnull=True,
                      initiative__isnull=True)
                    | Q(deliverable__isnull=True, working_group__isnull=False,
                        initiative__isnull=True)
                    | Q(deliverable__isnull=True, working_group__isnull=True,
                        initiative__isnull=False)
                ),
                name="commitment_has_one_target",
            ),
            models.CheckConstraint(condition=Q(quantity__gt=0),
                                   name="commitment_quantity_positive"),
        ]
        indexes = [
            models.Index(fields=["ecosystem", "organisation", "state"],
                         name="commitment_eco_org_state"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.quantity} {self.unit}"

    @property
    def unit_display(self) -> str:
        return unit_label(self.unit)


class Contribution(PublicIdModel, TimeStampedModel):
    """One entry in the two-sided ledger: given by a person for an organisation, acknowledged
    once by the receiving side."""

    ecosystem = models.ForeignKey(
        "ecosystems.Ecosystem", verbose_name=_("ecosystem"), on_delete=models.CASCADE,
        related_name="contributions",
    )
    giver = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("given by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    giver_organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("giving organisation"),
        on_delete=models.PROTECT, related_name="contributions_given",
    )
    type = models.CharField(_("type"), max_length=12, choices=ContributionType.choices)
    quantity = models.DecimalField(
        _("quantity"), max_digits=QUANTITY_DIGITS, decimal_places=QUANTITY_PLACES
    )
    unit = models.CharField(_("unit"), max_length=30)
    value = models.DecimalField(
        _("value"), max_digits=QUANTITY_DIGITS, decimal_places=QUANTITY_PLACES, null=True,
        blank=True, help_text=_("In the ecosystem's unit of account, where it has one."),
    )
    value_unit = models.CharField(_("unit of account"), max_length=40, blank=True)
    deliverable = models.ForeignKey(
        "collaboration.Deliverable", verbose_name=_("deliverable"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="contributions",
    )
    working_group = models.ForeignKey(
        "collaboration.WorkingGroup", verbose_name=_("working group"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="contributions",
    )
    recipient = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("receiving organisation"), null=True,
        blank=True, on_delete=models.PROTECT, related_name="contributions_received",
    )
    commitment = models.ForeignKey(
        Commitment, verbose_name=_("for commitment"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="contributions",
    )
    beneficiaries = models.ManyToManyField(
        "organisations.Organisation", verbose_name=_("beneficiaries"), blank=True,
        related_name="contributions_benefiting",
    )
    given_on = models.DateField(_("date"))
    description = models.TextField(_("description"), max_length=2000)
    persistent_link = models.URLField(_("persistent link"), max_length=500, blank=True)
    licence = models.CharField(_("licence"), max_length=100, blank=True)
    format = models.CharField(_("format"), max_length=100, blank=True)
    schema = models.CharField(_("schema"), max_length=300, blank=True)
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("acknowledged by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    acknowledged_for = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("acknowledged for"), null=True,
        blank=True, on_delete=models.SET_NULL, related_name="+",
    )

    class Meta:
        ordering = ["-given_on", "-id"]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gt=0),
                                   name="contribution_quantity_positive"),
            models.CheckConstraint(condition=Q(value__isnull=True) | Q(value__gte=0),
                                   name="contribution_value_not_negative"),
            models.CheckConstraint(
                condition=Q(deliverable__isnull=False) | Q(working_group__isnull=False)
                | Q(recipient__isnull=False),
                name="contribution_has_receiver",
            ),
        ]
        indexes = [
            models.Index(fields=["ecosystem", "given_on"], name="contribution_eco_date"),
            models.Index(fields=["giver_organisation", "ecosystem"], name="contribution_giver"),
        ]

    def __str__(self) -> str:
        return f"{self.giver_organisation}: {self.quantity} {self.unit}"

    @property
    def unit_display(self) -> str:
        return unit_label(self.unit)

    @property
    def is_acknowledged(self) -> bool:
        return self.acknowledged_at is not None
