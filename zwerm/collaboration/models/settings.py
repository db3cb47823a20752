"""Per-ecosystem agreements for keeping together: unit of account, how decisions are taken."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from zwerm.core.models import TimeStampedModel


class CollaborationSettings(TimeStampedModel):
    """One row per ecosystem; an ecosystem without a row uses the defaults below."""

    class DecisionMode(models.TextChoices):
        ORGANISATION = "organisation", _("Per organisation, through its delegate")
        PERSON = "person", _("Every person")

    ecosystem = models.OneToOneField(
        "ecosystems.Ecosystem", verbose_name=_("ecosystem"), on_delete=models.CASCADE,
        related_name="collaboration_settings",
    )
    unit_of_account = models.CharField(
        _("unit of account"), max_length=40, blank=True,
        help_text=_("The unit in which members value contributions, e.g. euro or hour "
                    "equivalents. Leave empty to record quantities only."),
    )
    decision_mode = models.CharField(
        _("who gives positions"), max_length=12, choices=DecisionMode.choices,
        default=DecisionMode.ORGANISATION,
    )
    quorum_percent = models.PositiveSmallIntegerField(
        _("quorum (%)"), null=True, blank=True,
        help_text=_("Share of those asked who must respond for a proposal to be adopted. "
                    "Leave empty for no quorum."),
    )

    class Meta:
        verbose_name = _("collaboration settings")
        verbose_name_plural = _("collaboration settings")
        constraints = [
            models.CheckConstraint(
                condition=Q(quorum_percent__isnull=True)
                | Q(quorum_percent__gte=1, quorum_percent__lte=100),
                name="collaboration_quorum_percent_range",
            )
        ]

    def __str__(self) -> str:
        return f"{self.ecosystem}"
