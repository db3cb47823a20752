"""JSON API of organisations: thin endpoints over the app's services and selectors."""

from __future__ import annotations

import uuid

from django.contrib.auth import get_user_model
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import File, Query, Router, Status
from ninja.files import UploadedFile

from zwerm.core.api_support import OPTIONAL, REQUIRED, ErrorOut, actor_of
from zwerm.core.errors import NotAllowed, NotFound, ValidationFailed
from zwerm.core.schemas import Page
from zwerm.organisations import permissions, selectors, services
from zwerm.organisations.filters import OrganisationFilterForm
from zwerm.organisations.models import Organisation, ProfileEntry
from zwerm.organisations.schemas import (
    EntryIn,
    EntryOrderIn,
    EntryOut,
    EntryPatch,
    InvitationIn,
    InvitationListOut,
    InvitationOut,
    LeaveIn,
    MemberOut,
    MergeIn,
    OrganisationFiltersIn,
    OrganisationIn,
    OrganisationListOut,
    OrganisationOut,
    OrganisationPatch,
    PeopleOut,
    RoleIn,
)

router = Router(tags=["organisations"])
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut,
          422: ErrorOut}


def _get(request, slug: str, *, follow_merge: bool = True) -> Organisation:
    organisation = selectors.organisation_get(viewer=actor_of(request).person, slug=slug)
    if organisation is None:
        raise Http404
    if organisation.is_merged and follow_merge:
        while organisation.merged_into_id is not None:
            organisation = organisation.merged_into
        organisation = selectors.organisation_get(viewer=None, slug=organisation.slug)
    return organisation


def _person(organisation: Organisation, value: uuid.UUID):
    person = (
        get_user_model()
        .objects.filter(
            uuid=value,
            organisation_memberships__organisation=organisation,
            organisation_memberships__left_at__isnull=True,
        )
        .first()
    )
    if person is None:
        raise NotFound(_("This person does not belong to the organisation."))
    return person


def _entry(organisation: Organisation, value: uuid.UUID) -> ProfileEntry:
    entry = next((e for e in organisation.entries.all() if e.uuid == value), None)
    if entry is None:
        raise NotFound(_("This offer or request does not exist."))
    return entry


@router.get("", response={200: OrganisationListOut, **ERRORS}, auth=OPTIONAL)
def organisation_list(request, filters: Query[OrganisationFiltersIn]):
    """The directory: search and filter as on the page, paginated with limit and offset."""
    data = filters.dict()
    form = OrganisationFilterForm({k: data[k] for k in ("q", "kind", "region", "theme")})
    if not form.is_valid():
        raise ValidationFailed(
            _("Some filters are invalid."),
            fields={name: [str(m) for m in errors] for name, errors in form.errors.items()},
        )
    queryset = selectors.organisation_list(viewer=actor_of(request).person, filters=form)
    items = list(queryset[filters.offset : filters.offset + filters.limit])
    return {"items": items, "count": queryset.count()}


@router.post("", response={201: OrganisationOut, **ERRORS}, auth=REQUIRED)
def organisation_create(request, payload: OrganisationIn):
    organisation = services.organisation_create(actor=actor_of(request), **payload.dict())
    return Status(201, _get(request, organisation.slug))


@router.get("/{slug}", response={200: OrganisationOut, **ERRORS}, auth=OPTIONAL)
def organisation_detail(request, slug: str):
    """One organisation; a merged duplicate answers with the organisation it went into."""
    return _get(request, slug)


@router.patch("/{slug}", response={200: OrganisationOut, **ERRORS}, auth=REQUIRED)
def organisation_update(request, slug: str, payload: OrganisationPatch):
    organisation = _get(request, slug, follow_merge=False)
    changes = payload.dict(exclude_unset=True)
    for field, value in list(changes.items()):
        if value is None and field not in ("is_verified",):
            raise ValidationFailed(_("This field cannot be empty."), field=field)
    if changes.get("is_verified") is None:
        changes.pop("is_verified", None)
    services.organisation_update(actor=actor_of(request), organisation=organisation, **changes)
    return _get(request, organisation.slug)


@router.post("/{slug}/logo", response={200: OrganisationOut, **ERRORS}, auth=REQUIRED)
def organisation_logo_set(request, slug: str, logo: File[UploadedFile]):
    """Upload a logo (multipart form field ``logo``): PNG, JPEG or WebP."""
    organisation = _get(request, slug, follow_merge=False)
    services.organisation_update(actor=actor_of(request), organisation=organisation, logo=logo)
    return _get(request, organisation.slug)


@router.delete("/{slug}/logo", response={200: OrganisationOut, **ERRORS}, auth=REQUIRED)
def organisation_logo_delete(request, slug: str):
    organisation = _get(request, slug, follow_merge=False)
    services.organisation_update(actor=actor_of(request), organisation=organisation, logo=None)
    return _get(request, organisation.slug)


@router.post("/{slug}/merge", response={200: OrganisationOut, **ERRORS}, auth=REQUIRED)
def organisation_merge(request, slug: str, payload: MergeIn):
    """Operators merge this duplicate into the target organisation."""
    source = _get(request, slug, follow_merge=False)
    target = selectors.organisation_get(viewer=None, slug=payload.target)
    if target is None:
        raise ValidationFailed(_("There is no organisation with this slug."), field="target")
    services.organisation_merge(actor=actor_of(request), source=source, target=target)
    return _get(request, target.slug)


# Offers and requests ----------------------------------------------------------------------


@router.post("/{slug}/entries", response={201: EntryOut, **ERRORS}, auth=REQUIRED)
def entry_create(request, slug: str, payload: EntryIn):
    organisation = _get(request, slug, follow_merge=False)
    entry = services.entry_create(
        actor=actor_of(request), organisation=organisation, **payload.dict()
    )
    return Status(201, entry)


@router.put("/{slug}/entries/order", response={200: list[EntryOut], **ERRORS}, auth=REQUIRED)
def entries_reorder(request, slug: str, payload: EntryOrderIn):
    """Put all offers (or all requests) in a new order: name each one exactly once."""
    organisation = _get(request, slug, follow_merge=False)
    return services.entries_reorder(
        actor=actor_of(request), organisation=organisation, kind=payload.kind,
        order=payload.order,
    )


@router.patch("/{slug}/entries/{entry_uuid}", response={200: EntryOut, **ERRORS}, auth=REQUIRED)
def entry_update(request, slug: str, entry_uuid: uuid.UUID, payload: EntryPatch):
    organisation = _get(request, slug, follow_merge=False)
    entry = _entry(organisation, entry_uuid)
    changes = payload.dict(exclude_unset=True)
    return services.entry_update(
        actor=actor_of(request), entry=entry,
        title=changes.get("title") if changes.get("title") is not None else entry.title,
        description=(
            changes.get("description")
            if changes.get("description") is not None
            else entry.description
        ),
    )


@router.delete("/{slug}/entries/{entry_uuid}", response={204: None, **ERRORS}, auth=REQUIRED)
def entry_delete(request, slug: str, entry_uuid: uuid.UUID):
    organisation = _get(request, slug, follow_merge=False)
    services.entry_delete(actor=actor_of(request), entry=_entry(organisation, entry_uuid))
    return Status(204, None)


# People -----------------------------------------------------------------------------------


@router.get("/{slug}/people", response={200: PeopleOut, **ERRORS}, auth=OPTIONAL)
def people_list(request, slug: str):
    """Current people and roles; names only where each person allows, never emails."""
    organisation = _get(request, slug)
    rows = selectors.organisation_people(
        viewer=actor_of(request).person, organisation=organisation
    )
    return {"items": rows, "count": len(rows)}


@router.patch(
    "/{slug}/people/{person_uuid}", response={200: MemberOut, **ERRORS}, auth=REQUIRED
)
def member_role_set(request, slug: str, person_uuid: uuid.UUID, payload: RoleIn):
    organisation = _get(request, slug, follow_merge=False)
    actor = actor_of(request)
    if not permissions.can_manage_people(actor, organisation):
        raise NotAllowed(_("Only the organisation's administrators can manage its people."))
    return services.member_role_set(
        actor=actor, organisation=organisation, person=_person(organisation, person_uuid),
        role=payload.role,
    )


@router.post("/{slug}/leave", response={200: MemberOut, **ERRORS}, auth=REQUIRED)
def member_leave(request, slug: str, payload: LeaveIn):
    """Leave (or, for administrators, remove someone), naming a successor when needed."""
    organisation = _get(request, slug, follow_merge=False)
    actor = actor_of(request)
    person = None
    if payload.person is not None and payload.person != actor.person.uuid:
        if not permissions.can_manage_people(actor, organisation):
            raise NotAllowed(_("Only the organisation's administrators can manage its people."))
        person = _person(organisation, payload.person)
    successor = None
    if payload.successor is not None:
        successor = get_user_model().objects.filter(uuid=payload.successor).first()
        if successor is None:
            raise ValidationFailed(
                _("The successor must be another person of this organisation."),
                field="successor",
            )
    return services.member_leave(
        actor=actor, organisation=organisation, person=person, successor=successor
    )


# Invitations ------------------------------------------------------------------------------


def _managed(request, slug: str) -> Organisation:
    organisation = _get(request, slug, follow_merge=False)
    if not permissions.can_manage_people(actor_of(request), organisation):
        raise NotAllowed(_("Only the organisation's administrators can manage its people."))
    return organisation


@router.get("/{slug}/invitations", response={200: InvitationListOut, **ERRORS}, auth=REQUIRED)
def invitation_list(request, slug: str, page: Query[Page], open_only: bool = False):
    organisation = _managed(request, slug)
    queryset = selectors.organisation_invitations(organisation=organisation, open_only=open_only)
    items = list(queryset[page.offset : page.offset + page.limit])
    return {"items": items, "count": queryset.count()}


@router.post("/{slug}/invitations", response={201: InvitationOut, **ERRORS}, auth=REQUIRED)
def invitation_create(request, slug: str, payload: InvitationIn):
    organisation = _get(request, slug, follow_merge=False)
    invitation = services.invitation_create(
        actor=actor_of(request), organisation=organisation, email=payload.email,
        role=payload.role,
    )
    return Status(201, invitation)


@router.delete(
    "/{slug}/invitations/{invitation_uuid}", response={204: None, **ERRORS}, auth=REQUIRED
)
def invitation_revoke(request, slug: str, invitation_uuid: uuid.UUID):
    organisation = _managed(request, slug)
    invitation = organisation.invitations.filter(uuid=invitation_uuid).first()
    if invitation is None:
        raise NotFound(_("This invitation does not exist."))
    services.invitation_revoke(actor=actor_of(request), invitation=invitation)
    return Status(204, None)


@router.post(
    "/invitations/{invitation_uuid}/accept", response={200: MemberOut, **ERRORS}, auth=REQUIRED
)
def invitation_accept(request, invitation_uuid: uuid.UUID):
    """Accept an invitation with the UUID from its link; you join with the invited role."""
    invitation = selectors.invitation_get(value=invitation_uuid)
    if invitation is None:
        raise NotFound(_("This invitation does not exist."))
    return services.invitation_accept(actor=actor_of(request), invitation=invitation)
