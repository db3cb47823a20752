"""Lookups every collaboration endpoint shares: the visible ecosystem and references by
slug or UUID, answered with a 404 or a field error."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import Q
from django.http import Http404, HttpRequest
from django.utils.translation import gettext_lazy as _

from zwerm.core.api_support import actor_of
from zwerm.core.errors import ValidationFailed
from zwerm.ecosystems.models import Ecosystem
from zwerm.ecosystems.selectors import visible_ecosystem
from zwerm.organisations.models import Organisation


def ecosystem_of(request: HttpRequest, slug: str) -> Ecosystem:
    """The ecosystem the caller may see; a members-only one is a 404 for outsiders."""
    found = visible_ecosystem(viewer=actor_of(request).person, slug=slug)
    if found is None:
        raise Http404
    return found


def by_ref(queryset: Any, ref: str) -> Any:
    """The first row of ``queryset`` whose slug or UUID is ``ref``, or None."""
    try:
        return queryset.filter(Q(slug=ref) | Q(uuid=uuid.UUID(ref))).first()
    except ValueError:
        return queryset.filter(slug=ref).first()


def organisation_of(ref: str | None, *, field: str) -> Organisation | None:
    """The organisation with this slug or UUID; merged organisations live on in the one they
    were merged into, so they are not found. Empty is None; unknown is an error on ``field``."""
    if not ref:
        return None
    found = by_ref(Organisation.objects.filter(merged_into__isnull=True), ref)
    if found is None:
        raise ValidationFailed(_("No organisation was found with this identifier."), field=field)
    return found
