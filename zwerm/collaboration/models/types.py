"""The one list of contribution types, shared by commitments, contributions and health metrics."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContributionType(models.TextChoices):
    HOURS = "hours", _("Hours")
    EXPERTISE = "expertise", _("Expertise")
    DATA = "data", _("Data")
    MONEY = "money", _("Money")
    FACILITIES = "facilities", _("Facilities")
    NETWORK = "network", _("Network")


DEFAULT_UNITS = {
    ContributionType.HOURS: "hours",
    ContributionType.EXPERTISE: "hours",
    ContributionType.DATA: "datasets",
    ContributionType.MONEY: "EUR",
    ContributionType.FACILITIES: "days",
    ContributionType.NETWORK: "introductions",
}

# How the usual units read in the interface; units people typed themselves show as typed.
UNIT_LABELS = {
    "hours": _("hours"),
    "datasets": _("datasets"),
    "days": _("days"),
    "introductions": _("introductions"),
}


def unit_label(unit: str) -> str:
    return str(UNIT_LABELS.get(unit, unit))


# Types whose contributions describe a reusable resource (persistent link, licence, format, schema).
REUSABLE_TYPES = frozenset({ContributionType.DATA, ContributionType.EXPERTISE})

QUANTITY_DIGITS = 14
QUANTITY_PLACES = 2
