"""Who may see and do what with organisations; used by views, the API and templates."""

from __future__ import annotations

from typing import Any

from zwerm.core.request_cache import remembered
from zwerm.organisations.models import Organisation, OrganisationMember


def _person(viewer: Any) -> Any:
    """Accept a User, an AnonymousUser, an Actor or None."""
    person = getattr(viewer, "person", viewer)
    if person is None or not getattr(person, "is_authenticated", False):
        return None
    return person


def is_operator(viewer: Any) -> bool:
    person = _person(viewer)
    return bool(person is not None and person.is_staff and person.is_active)


def organisation_roles(viewer: Any) -> dict[int, str]:
    """The viewer's current organisations (by id) and their role in each: one query, asked
    once per page (``zwerm.core.request_cache``) however many checks need it."""
    person = _person(viewer)
    if person is None:
        return {}
    return dict(remembered(("organisation_roles", person.pk), lambda: dict(
        OrganisationMember.objects.filter(person=person, left_at__isnull=True)
        .values_list("organisation_id", "role")
    )))


def role_in(viewer: Any, organisation: Organisation) -> str | None:
    """The viewer's current role in the organisation, or None."""
    if organisation is None or organisation.pk is None:
        return None
    return organisation_roles(viewer).get(organisation.pk)


def can_view(viewer: Any, organisation: Organisation) -> bool:
    """Organisation profiles are public: the directory is how organisations find each other."""
    return True


def can_create(viewer: Any) -> bool:
    return _person(viewer) is not None


def is_member(viewer: Any, organisation: Organisation) -> bool:
    return role_in(viewer, organisation) is not None


def is_admin(viewer: Any, organisation: Organisation) -> bool:
    return role_in(viewer, organisation) == OrganisationMember.Role.ADMIN


def can_edit(viewer: Any, organisation: Organisation) -> bool:
    """Admins keep their profile up to date; operators may help."""
    if organisation.is_merged:
        return False
    return is_admin(viewer, organisation) or is_operator(viewer)


def can_manage_people(viewer: Any, organisation: Organisation) -> bool:
    if organisation.is_merged:
        return False
    return is_admin(viewer, organisation) or is_operator(viewer)


def can_leave(viewer: Any, organisation: Organisation) -> bool:
    return is_member(viewer, organisation)


def can_verify(viewer: Any) -> bool:
    return is_operator(viewer)


def can_merge(viewer: Any) -> bool:
    return is_operator(viewer)
