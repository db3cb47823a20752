"""JSON API of ecosystems: thin endpoints over the app's services and selectors."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Status

from zwerm.core.api import activity_out
from zwerm.core.api_support import OPTIONAL, REQUIRED, actor_of
from zwerm.core.errors import NotAllowed, ValidationFailed
from zwerm.core.privacy import NameResolver, visible_name_ids
from zwerm.core.schemas import ActivityListOut, Page
from zwerm.core.selectors import activity_list
from zwerm.ecosystems import permissions, selectors, services
from zwerm.ecosystems.models import Ecosystem, EcosystemInvitation, Membership, Role
from zwerm.ecosystems.schemas import (
    ActivityFilters,
    CharterIn,
    CharterOut,
    DelegateIn,
    EcosystemDetailOut,
    EcosystemFilters,
    EcosystemIn,
    EcosystemListOut,
    EcosystemPatchIn,
    FacilitatorIn,
    InvitationAcceptIn,
    InvitationIn,
    InvitationListOut,
    InvitationOut,
    JoinIn,
    MembershipEventOut,
    MembershipFilters,
    MembershipListOut,
    MembershipOut,
    ReasonIn,
    RequestIn,
    RoleFilters,
    RoleListOut,
)
from zwerm.organisations.models import Organisation

router = Router(tags=["ecosystems"])


def _page(queryset, page: Page) -> dict[str, Any]:
    items = list(queryset[page.offset:page.offset + page.limit])
    return {"count": queryset.count(), "items": items}


def _ecosystem(request, ref: str) -> Ecosystem:
    """By slug or UUID; 404 when missing or hidden from the viewer."""
    viewer = actor_of(request).person
    ecosystem = selectors.visible_ecosystem(viewer=viewer, slug=ref)
    if ecosystem is None:
        ecosystem = selectors.visible_ecosystem(viewer=viewer, uuid_=ref)
    if ecosystem is None:
        raise Http404
    return ecosystem


def _membership(ecosystem: Ecosystem, membership_uuid: uuid.UUID) -> Membership:
    membership = (
        ecosystem.memberships.select_related("organisation", "ecosystem")
        .filter(uuid=membership_uuid).first()
    )
    if membership is None:
        raise Http404
    return membership


def _organisation(ref: str | uuid.UUID | None, field: str = "organisation") -> Organisation | None:
    if ref in (None, ""):
        return None
    queryset = Organisation.objects.filter(merged_into__isnull=True)
    try:
        found = queryset.filter(Q(slug=str(ref)) | Q(uuid=uuid.UUID(str(ref)))).first()
    except ValueError:
        found = queryset.filter(slug=str(ref)).first()
    if found is None:
        raise ValidationFailed(_("No organisation was found with this identifier."), field=field)
    return found


# Ecosystems --------------------------------------------------------------------------------


@router.get("", response=EcosystemListOut, auth=OPTIONAL, summary="List ecosystems")
def list_ecosystems(request, filters: Query[EcosystemFilters]):
    queryset = selectors.ecosystem_list(
        viewer=actor_of(request).person, query=filters.q.strip(), theme=filters.theme
    )
    return _page(queryset, filters)


@router.post("", response={201: EcosystemDetailOut}, auth=REQUIRED, summary="Start an ecosystem")
def create_ecosystem(request, payload: EcosystemIn):
    ecosystem = services.ecosystem_create(actor=actor_of(request), **payload.dict())
    return Status(201, ecosystem)


@router.get("/{ref}", response=EcosystemDetailOut, auth=OPTIONAL, summary="One ecosystem")
def get_ecosystem(request, ref: str):
    return _ecosystem(request, ref)


@router.patch("/{ref}", response=EcosystemDetailOut, auth=REQUIRED, summary="Change details")
def update_ecosystem(request, ref: str, payload: EcosystemPatchIn):
    ecosystem = _ecosystem(request, ref)
    return services.ecosystem_update(
        actor=actor_of(request), ecosystem=ecosystem, **payload.dict(exclude_unset=True)
    )


@router.get("/{ref}/charter", response=CharterOut, auth=OPTIONAL, summary="The charter")
def get_charter(request, ref: str):
    return _ecosystem(request, ref)


@router.patch("/{ref}/charter", response=CharterOut, auth=REQUIRED, summary="Change the charter")
def update_charter(request, ref: str, payload: CharterIn):
    ecosystem = _ecosystem(request, ref)
    texts = {k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None}
    services.charter_update(actor=actor_of(request), ecosystem=ecosystem, texts=texts)
    return ecosystem


# Memberships -------------------------------------------------------------------------------


@router.get("/{ref}/memberships", response=MembershipListOut, auth=OPTIONAL,
            summary="Member organisations")
def list_memberships(request, ref: str, filters: Query[MembershipFilters]):
    ecosystem = _ecosystem(request, ref)
    queryset = selectors.ecosystem_members(
        ecosystem=ecosystem, viewer=actor_of(request).person,
        states=[filters.state] if filters.state else None,
        kind=filters.kind or "", query=filters.q.strip(),
    )
    return _page(queryset, filters)


@router.post("/{ref}/memberships/join", response={201: MembershipOut}, auth=REQUIRED,
             summary="Join an open ecosystem")
def join(request, ref: str, payload: JoinIn):
    ecosystem = _ecosystem(request, ref)
    membership = services.membership_join(actor=actor_of(request), ecosystem=ecosystem,
                                          kind=payload.kind)
    return Status(201, membership)


@router.post("/{ref}/memberships/request", response={201: MembershipOut}, auth=REQUIRED,
             summary="Ask to join")
def request_membership(request, ref: str, payload: RequestIn):
    ecosystem = _ecosystem(request, ref)
    membership = services.membership_request(actor=actor_of(request), ecosystem=ecosystem,
                                             kind=payload.kind, reason=payload.reason)
    return Status(201, membership)


@router.get("/{ref}/memberships/{membership_uuid}/events", response=list[MembershipEventOut],
            auth=OPTIONAL, summary="A membership's history")
def membership_events(request, ref: str, membership_uuid: uuid.UUID):
    ecosystem = _ecosystem(request, ref)
    membership = _membership(ecosystem, membership_uuid)
    person = actor_of(request).person
    events = list(membership.events.all())
    if not permissions.can_see_reasons(person, ecosystem):
        for event in events:
            event.reason = ""
    return events


def _step(request, ref: str, membership_uuid: uuid.UUID, service, **kwargs) -> Membership:
    ecosystem = _ecosystem(request, ref)
    membership = _membership(ecosystem, membership_uuid)
    return service(actor=actor_of(request), membership=membership, **kwargs)


@router.post("/{ref}/memberships/{membership_uuid}/accept", response=MembershipOut,
             auth=REQUIRED, summary="Accept a request (facilitators)")
def accept(request, ref: str, membership_uuid: uuid.UUID, payload: ReasonIn):
    return _step(request, ref, membership_uuid, services.membership_accept, reason=payload.reason)


@router.post("/{ref}/memberships/{membership_uuid}/decline", response=MembershipOut,
             auth=REQUIRED, summary="Decline a request (facilitators)")
def decline(request, ref: str, membership_uuid: uuid.UUID, payload: ReasonIn):
    return _step(request, ref, membership_uuid, services.membership_decline,
                 reason=payload.reason)


@router.post("/{ref}/memberships/{membership_uuid}/pause", response=MembershipOut,
             auth=REQUIRED, summary="Pause the membership")
def pause(request, ref: str, membership_uuid: uuid.UUID, payload: ReasonIn):
    return _step(request, ref, membership_uuid, services.membership_pause, reason=payload.reason)


@router.post("/{ref}/memberships/{membership_uuid}/resume", response=MembershipOut,
             auth=REQUIRED, summary="Resume the membership")
def resume(request, ref: str, membership_uuid: uuid.UUID):
    return _step(request, ref, membership_uuid, services.membership_resume)


@router.post("/{ref}/memberships/{membership_uuid}/leave", response=MembershipOut,
             auth=REQUIRED, summary="Leave (or withdraw a request)")
def leave(request, ref: str, membership_uuid: uuid.UUID, payload: ReasonIn):
    return _step(request, ref, membership_uuid, services.membership_leave, reason=payload.reason)


# Roles -------------------------------------------------------------------------------------


def _role_rows(viewer: Any, roles: list[Role]) -> list[dict[str, Any]]:
    visible = visible_name_ids(viewer, {role.person_id for role in roles})
    if viewer is not None:
        visible.add(viewer.pk)
    return [
        {
            "uuid": role.uuid, "name": role.name, "organisation": role.organisation,
            "person": {"uuid": role.person.uuid,
                       "name": str(role.person) if role.person_id in visible else None},
            "started_at": role.started_at, "ended_at": role.ended_at,
        }
        for role in roles
    ]


@router.get("/{ref}/roles", response=RoleListOut, auth=OPTIONAL, summary="Facilitators, delegates")
def list_roles(request, ref: str, filters: Query[RoleFilters]):
    ecosystem = _ecosystem(request, ref)
    queryset = selectors.ecosystem_roles(ecosystem=ecosystem, current=filters.current,
                                         name=filters.name or "")
    page = _page(queryset, filters)
    page["items"] = _role_rows(actor_of(request).person, page["items"])
    return page


def _person_of(organisation: Organisation, person_uuid: uuid.UUID):
    person = selectors.organisation_people(organisation=organisation).filter(
        uuid=person_uuid).first()
    if person is None:
        raise ValidationFailed(
            _("This person does not belong to the organisation."), field="person"
        )
    return person


@router.post("/{ref}/roles/facilitators", response={201: RoleListOut}, auth=REQUIRED,
             summary="Appoint a facilitator")
def appoint_facilitator(request, ref: str, payload: FacilitatorIn):
    ecosystem = _ecosystem(request, ref)
    organisation = _organisation(payload.organisation)
    role = services.facilitator_appoint(
        actor=actor_of(request), ecosystem=ecosystem, organisation=organisation,
        person=_person_of(organisation, payload.person),
    )
    return Status(201, {"items": _role_rows(actor_of(request).person, [role]), "count": 1})


@router.post("/{ref}/roles/delegates", response={201: RoleListOut}, auth=REQUIRED,
             summary="Appoint an organisation's delegate")
def appoint_delegate(request, ref: str, payload: DelegateIn):
    ecosystem = _ecosystem(request, ref)
    organisation = _organisation(payload.organisation)
    role = services.delegate_appoint(
        actor=actor_of(request), ecosystem=ecosystem, organisation=organisation,
        person=_person_of(organisation, payload.person),
    )
    return Status(201, {"items": _role_rows(actor_of(request).person, [role]), "count": 1})


@router.post("/{ref}/roles/{role_uuid}/end", response=RoleListOut, auth=REQUIRED,
             summary="End a facilitator role")
def end_role(request, ref: str, role_uuid: uuid.UUID, payload: ReasonIn):
    ecosystem = _ecosystem(request, ref)
    role = ecosystem.roles.select_related("person", "organisation", "ecosystem").filter(
        uuid=role_uuid).first()
    if role is None:
        raise Http404
    role = services.facilitator_end(actor=actor_of(request), role=role, reason=payload.reason)
    return {"items": _role_rows(actor_of(request).person, [role]), "count": 1}


# Invitations -------------------------------------------------------------------------------


def _invitation(invitation_uuid: uuid.UUID) -> EcosystemInvitation:
    invitation = EcosystemInvitation.objects.select_related("ecosystem", "organisation").filter(
        uuid=invitation_uuid).first()
    if invitation is None:
        raise Http404
    return invitation


@router.get("/{ref}/invitations", response=InvitationListOut, auth=REQUIRED,
            summary="Invitations (facilitators)")
def list_invitations(request, ref: str, filters: Query[Page]):
    ecosystem = _ecosystem(request, ref)
    if not permissions.can_manage(actor_of(request).person, ecosystem):
        raise NotAllowed(_("Only the facilitators of this ecosystem may see its invitations."))
    queryset = ecosystem.invitations.select_related("organisation").order_by("-created_at")
    return _page(queryset, filters)


@router.post("/{ref}/invitations", response={201: InvitationOut}, auth=REQUIRED,
             summary="Invite an organisation by email")
def create_invitation(request, ref: str, payload: InvitationIn):
    ecosystem = _ecosystem(request, ref)
    invitation = services.invitation_create(
        actor=actor_of(request), ecosystem=ecosystem, email=payload.email,
        organisation=_organisation(payload.organisation), kind=payload.kind,
        message=payload.message,
    )
    return Status(201, invitation)


@router.post("/{ref}/invitations/{invitation_uuid}/revoke", response=InvitationOut,
             auth=REQUIRED, summary="Withdraw an invitation")
def revoke_invitation(request, ref: str, invitation_uuid: uuid.UUID):
    ecosystem = _ecosystem(request, ref)
    invitation = _invitation(invitation_uuid)
    if invitation.ecosystem_id != ecosystem.pk:
        raise Http404
    return services.invitation_revoke(actor=actor_of(request), invitation=invitation)


@router.post("/invitations/{invitation_uuid}/accept", response=MembershipOut, auth=REQUIRED,
             summary="Accept an invitation for one of your organisations")
def accept_invitation(request, invitation_uuid: uuid.UUID, payload: InvitationAcceptIn):
    invitation = _invitation(invitation_uuid)
    organisation = _organisation(payload.organisation)
    return services.invitation_accept(actor=actor_of(request), invitation=invitation,
                                      organisation=organisation)


@router.post("/invitations/{invitation_uuid}/decline", response=InvitationOut, auth=REQUIRED,
             summary="Decline an invitation")
def decline_invitation(request, invitation_uuid: uuid.UUID, payload: ReasonIn):
    invitation = _invitation(invitation_uuid)
    return services.invitation_decline(actor=actor_of(request), invitation=invitation,
                                       reason=payload.reason)


# Activity ----------------------------------------------------------------------------------


@router.get("/{ref}/activities", response=ActivityListOut, auth=OPTIONAL,
            summary="The ecosystem's activity feed")
def list_activities(request, ref: str, filters: Query[ActivityFilters]):
    """The same feed as ``GET /activities?ecosystem=…``, addressed by the ecosystem's slug."""
    ecosystem = _ecosystem(request, ref)
    viewer = actor_of(request).person
    queryset = activity_list(viewer=viewer, ecosystem_uuid=ecosystem.uuid,
                             after_seq=filters.after_seq)
    page = _page(queryset, filters)
    resolver = NameResolver(viewer)
    resolver.prime(activity.actor_id for activity in page["items"])
    page["items"] = [activity_out(activity, resolver) for activity in page["items"]]
    return page


# Organisation export -----------------------------------------------------------------------


@router.get("/{ref}/organisations/{org_slug}/export", auth=REQUIRED,
            summary="An organisation's data in this ecosystem (JSON, or CSV files in a zip)")
def export_organisation(request, ref: str, org_slug: str, format: str = "json"):  # noqa: A002
    """For the organisation's admins and delegate (and operators), also after it left."""
    import json

    from django.http import HttpResponse

    from zwerm.ecosystems import exports

    ecosystem = Ecosystem.objects.filter(slug=ref).first()
    if ecosystem is None:
        try:
            ecosystem = Ecosystem.objects.filter(uuid=uuid.UUID(ref)).first()
        except ValueError:
            ecosystem = None
    organisation = Organisation.objects.filter(slug=org_slug).first()
    person = actor_of(request).person
    if ecosystem is None or organisation is None:
        raise Http404
    allowed = exports.can_export_organisation(person, ecosystem, organisation)
    if not allowed and not permissions.can_view(person, ecosystem):
        raise Http404
    document = exports.organisation_export_make(
        actor=actor_of(request), ecosystem=ecosystem, organisation=organisation,
        file_format=format,
    )
    if format == "csv":
        response = HttpResponse(exports.export_zip(document), content_type="application/zip")
        response["Content-Disposition"] = (
            f'attachment; filename="{ecosystem.slug}-{organisation.slug}.zip"'
        )
        return response
    return HttpResponse(json.dumps(document, ensure_ascii=False),
                        content_type="application/json; charset=utf-8")
