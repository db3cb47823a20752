"""Operators merge a duplicate organisation into the one that stays."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from zwerm.accounts.models import PersonalAccessToken, User
from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, ValidationFailed
from zwerm.organisations import hooks, permissions
from zwerm.organisations.models import Organisation, OrganisationMember

FILL_BLANKS = ("website", "region", "description", "logo", "kvk_number", "oin")


@transaction.atomic
def organisation_merge(
    *, actor: Actor, source: Organisation, target: Organisation
) -> Organisation:
    """Move everything of ``source`` to ``target`` and mark ``source`` as merged into it.

    People keep their place (the higher role wins when they belong to both), open and past
    invitations, offers, requests and themes move, blank profile fields of the target are
    filled from the source, and other apps move their records through the merge hook. The
    source stays as a pointer so old links and its history lead to the target.
    """
    if not permissions.can_merge(actor):
        raise NotAllowed(_("Only operators can merge organisations."))
    source = Organisation.objects.select_for_update().get(pk=source.pk)
    target = Organisation.objects.select_for_update().get(pk=target.pk)
    if source.pk == target.pk:
        raise ValidationFailed(_("Choose another organisation to merge into."), field="target")
    if source.is_merged:
        raise Conflict(_("This organisation was merged already."))
    if target.is_merged:
        raise ValidationFailed(
            _("The organisation to merge into was itself merged; choose the one it went to."),
            field="target",
        )

    _move_people(source, target)
    source.invitations.update(organisation=target)
    offset = (target.entries.aggregate(last=Max("position"))["last"] or 0) + 1
    for entry in source.entries.all():
        entry.organisation = target
        entry.position += offset
        entry.save(update_fields=["organisation", "position", "updated_at"])
    target.themes.add(*source.themes.all())

    filled = [field for field in FILL_BLANKS if not getattr(target, field)
              and getattr(source, field)]
    values = {field: getattr(source, field) for field in filled}
    cleared = [field for field in filled if field in ("kvk_number", "oin")]
    for field in cleared:
        setattr(source, field, "")
    if cleared:  # free the unique numbers before the target takes them
        source.save(update_fields=cleared)
    for field, value in values.items():
        setattr(target, field, value)
    if filled or source.is_verified and not target.is_verified:
        target.is_verified = target.is_verified or source.is_verified
        target.save(update_fields=[*filled, "is_verified", "updated_at"])

    Organisation.objects.filter(merged_into=source).update(merged_into=target)
    source.merged_into = target
    source.save(update_fields=["merged_into", "updated_at"])
    User.objects.filter(acting_organisation_uuid=source.uuid).update(
        acting_organisation_uuid=target.uuid
    )
    # Tokens act for one organisation; after the merge that is the one that stays.
    PersonalAccessToken.objects.filter(organisation_uuid=source.uuid).update(
        organisation_uuid=target.uuid
    )
    hooks.run_merge(actor=actor, source=source, target=target)
    record(
        verb="organisations.organisation.merged", actor=actor, subject=source,
        organisation=target,
        payload={"source": str(source.uuid), "target": str(target.uuid), "filled": filled},
    )
    return target


def _move_people(source: Organisation, target: Organisation) -> None:
    on_target = {
        member.person_id: member
        for member in OrganisationMember.objects.select_for_update().filter(
            organisation=target, left_at__isnull=True
        )
    }
    for member in OrganisationMember.objects.select_for_update().filter(organisation=source):
        existing = on_target.get(member.person_id) if member.left_at is None else None
        if existing is None:
            member.organisation = target
            member.save(update_fields=["organisation", "updated_at"])
            continue
        if member.role == OrganisationMember.Role.ADMIN and existing.role != member.role:
            existing.role = OrganisationMember.Role.ADMIN
            existing.save(update_fields=["role", "updated_at"])
        member.delete()
