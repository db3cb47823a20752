"""What the commitment and contribution services share: checking amounts and texts."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from zwerm.collaboration.models import Commitment, Contribution
from zwerm.collaboration.models.types import (
    DEFAULT_UNITS,
    QUANTITY_DIGITS,
    QUANTITY_PLACES,
    ContributionType,
)
from zwerm.core.errors import ValidationFailed

TEXT_MAX = 2000
MAX_WHOLE = Decimal(10) ** (QUANTITY_DIGITS - QUANTITY_PLACES)
CENT = Decimal(10) ** -QUANTITY_PLACES


def clean_type(value: Any) -> str:
    if value not in ContributionType.values:
        raise ValidationFailed(_("Choose one of the contribution types."), field="type")
    return str(value)


def clean_amount(value: Any, *, field: str, allow_zero: bool = False) -> Decimal:
    """An exact amount: more than zero (or zero where allowed), at most two decimals, below
    ``MAX_WHOLE``. Whatever comes in (any number of digits), a bad amount is a
    ``ValidationFailed`` on ``field``, never an ``InvalidOperation``."""
    label = {"quantity": _("The quantity"), "value": _("The value")}.get(field, _("The amount"))
    if isinstance(value, float):
        value = repr(value)
    try:
        amount = Decimal(str(value).strip().replace(",", ".")) if value not in (None, "") \
            else None
    except (InvalidOperation, ValueError):
        amount = None
    if amount is None or not amount.is_finite():
        raise ValidationFailed(_("%(label)s must be a number.") % {"label": label}, field=field)
    if amount < 0 or (amount == 0 and not allow_zero):
        raise ValidationFailed(
            _("%(label)s must be more than zero.") % {"label": label}, field=field
        )
    # The size first: quantizing a number with more digits than the decimal context holds
    # raises InvalidOperation (a 500), so nothing is quantized before it is known to fit.
    too_large = ValidationFailed(_("%(label)s is too large.") % {"label": label}, field=field)
    if amount >= MAX_WHOLE:
        raise too_large
    try:
        rounded = amount.quantize(CENT)
    except InvalidOperation as error:
        raise too_large from error
    if rounded != amount:
        raise ValidationFailed(
            _("%(label)s may have at most two decimals.") % {"label": label}, field=field
        )
    return rounded.copy_abs()  # "-0" is zero, not minus zero


def clean_unit(value: Any, type_: str) -> str:
    unit = (value or "").strip() or str(DEFAULT_UNITS[ContributionType(type_)])
    if len(unit) > 30:
        raise ValidationFailed(_("The unit may be at most 30 characters long."), field="unit")
    return unit


def amount_payload(obj: Commitment | Contribution) -> dict[str, str]:
    payload = {"type": obj.type, "quantity": str(obj.quantity), "unit": obj.unit}
    value = getattr(obj, "value", None)
    if value is not None:
        payload["value"] = str(value)
        payload["value_unit"] = obj.value_unit
    return payload


def commitment_url(commitment: Commitment) -> str:
    return reverse("collaboration:commitment_detail",
                   kwargs={"ecosystem": commitment.ecosystem.slug, "commitment": commitment.uuid})


def contribution_url(contribution: Contribution) -> str:
    return reverse("collaboration:ledger_entry",
                   kwargs={"ecosystem": contribution.ecosystem.slug,
                           "contribution": contribution.uuid})
