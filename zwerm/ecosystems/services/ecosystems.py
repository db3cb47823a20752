"""Writes about ecosystems themselves: creating them, their details and their charter."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, ValidationFailed
from zwerm.ecosystems import permissions
from zwerm.ecosystems.charter import default_charter, text_digest
from zwerm.ecosystems.models import PRINCIPLES, Ecosystem, Membership, MembershipEvent, Role
from zwerm.ecosystems.services._common import require_person
from zwerm.ecosystems.services.roles import delegate_default
from zwerm.organisations.services import themes_resolve

RESERVED_SLUGS = {"new", "invitations", "invitation"}
CHARTER_MAX = 5000
DESCRIPTION_MAX = 20000


def _clean_text(value: str | None, *, field: str, label, required: bool, max_length: int) -> str:
    value = (value or "").strip()
    if required and not value:
        raise ValidationFailed(_("Please fill in the %(field)s.") % {"field": label}, field=field)
    if len(value) > max_length:
        raise ValidationFailed(
            _("The %(field)s may be at most %(max)d characters long.")
            % {"field": label, "max": max_length},
            field=field,
        )
    return value


def _clean_slug(slug: str, *, exclude_pk: int | None = None) -> str:
    slug = slug.strip().lower()
    try:
        validate_slug(slug)
    except ValidationError:
        raise ValidationFailed(
            _("Use only lowercase letters, digits and hyphens in the web address."), field="slug"
        ) from None
    if len(slug) > 80:
        raise ValidationFailed(_("Keep the web address under 80 characters."), field="slug")
    taken = Ecosystem.objects.filter(slug=slug).exclude(pk=exclude_pk).exists()
    if slug in RESERVED_SLUGS or taken:
        raise Conflict(_("This web address is already taken; choose another one."), field="slug")
    return slug


def _unique_slug(name: str) -> str:
    base = slugify(name)[:70].strip("-") or "ecosysteem"
    if base in RESERVED_SLUGS:
        base = f"{base}-ecosysteem"
    slug, number = base, 2
    while Ecosystem.objects.filter(slug=slug).exists():
        slug = f"{base}-{number}"
        number += 1
    return slug


def _choice(value: str, choices, field: str) -> str:
    if value not in choices.values:
        raise ValidationFailed(_("Choose one of the offered options."), field=field)
    return value


@transaction.atomic
def ecosystem_create(
    *,
    actor: Actor,
    name: str,
    goal: str,
    description: str = "",
    visibility: str = Ecosystem.Visibility.PUBLIC,
    join_policy: str = Ecosystem.JoinPolicy.REQUEST,
    themes: Iterable[str] = (),
    slug: str = "",
) -> Ecosystem:
    """Start an ecosystem: the creator facilitates it, their organisation is its first member."""
    require_person(actor)
    if actor.organisation is None:
        raise NotAllowed(
            _("Act for an organisation to start an ecosystem."), code="no_organisation"
        )
    if not permissions.can_create_ecosystem(actor):
        raise NotAllowed(_("On this platform only operators may start ecosystems."))
    name = _clean_text(name, field="name", label=_("name"), required=True, max_length=200)
    goal = _clean_text(goal, field="goal", label=_("shared goal"), required=True, max_length=1000)
    description = _clean_text(description, field="description", label=_("description"),
                              required=False, max_length=DESCRIPTION_MAX)
    ecosystem = Ecosystem(
        name=name,
        slug=_clean_slug(slug) if slug.strip() else _unique_slug(name),
        goal=goal,
        description=description,
        visibility=_choice(visibility, Ecosystem.Visibility, "visibility"),
        join_policy=_choice(join_policy, Ecosystem.JoinPolicy, "join_policy"),
    )
    for principle, text in default_charter(actor.person.language).items():
        setattr(ecosystem, f"charter_{principle}", text)
    ecosystem.save()
    ecosystem.themes.set(themes_resolve(list(themes)))
    record(verb="ecosystems.ecosystem.created", actor=actor, subject=ecosystem,
           ecosystem=ecosystem,
           payload={"visibility": ecosystem.visibility, "join_policy": ecosystem.join_policy})
    now = timezone.now()
    membership = Membership.objects.create(
        ecosystem=ecosystem, organisation=actor.organisation, kind=Membership.Kind.MEMBER,
        state=Membership.State.ACTIVE, state_changed_at=now,
    )
    MembershipEvent.objects.create(
        membership=membership, to_state=Membership.State.ACTIVE, kind=membership.kind,
        actor=actor.person, created_at=now,
    )
    record(verb="ecosystems.membership.joined", actor=actor, subject=actor.organisation,
           ecosystem=ecosystem,
           payload={"membership": str(membership.uuid), "from": "", "to": membership.state,
                    "kind": membership.kind, "with_reason": False})
    role = Role.objects.create(
        ecosystem=ecosystem, person=actor.person, organisation=actor.organisation,
        name=Role.Name.FACILITATOR, appointed_by=actor.person, started_at=now,
    )
    record(verb="ecosystems.role.facilitator_appointed", actor=actor,
           subject=actor.organisation, ecosystem=ecosystem,
           payload={"role": str(role.uuid), "person": str(actor.person.uuid),
                    "name": role.name})
    delegate_default(actor=actor, membership=membership)
    return ecosystem


UPDATABLE = ("name", "goal", "description", "visibility", "join_policy", "slug")


@transaction.atomic
def ecosystem_update(
    *,
    actor: Actor,
    ecosystem: Ecosystem,
    name: str | None = None,
    goal: str | None = None,
    description: str | None = None,
    visibility: str | None = None,
    join_policy: str | None = None,
    slug: str | None = None,
    themes: Iterable[str] | None = None,
) -> Ecosystem:
    """Change an ecosystem's details; ``None`` leaves a field as it is."""
    require_person(actor)
    if not permissions.can_manage(actor.person, ecosystem):
        raise NotAllowed(_("Only the facilitators of this ecosystem may change it."))
    new = {}
    if name is not None:
        new["name"] = _clean_text(name, field="name", label=_("name"), required=True,
                                  max_length=200)
    if goal is not None:
        new["goal"] = _clean_text(goal, field="goal", label=_("shared goal"), required=True,
                                  max_length=1000)
    if description is not None:
        new["description"] = _clean_text(description, field="description",
                                         label=_("description"), required=False,
                                         max_length=DESCRIPTION_MAX)
    if visibility is not None:
        new["visibility"] = _choice(visibility, Ecosystem.Visibility, "visibility")
    if join_policy is not None:
        new["join_policy"] = _choice(join_policy, Ecosystem.JoinPolicy, "join_policy")
    if slug is not None and slug.strip() != ecosystem.slug:
        new["slug"] = _clean_slug(slug, exclude_pk=ecosystem.pk)
    changed = [field for field, value in new.items() if getattr(ecosystem, field) != value]
    for field in changed:
        setattr(ecosystem, field, new[field])
    if changed:
        ecosystem.save(update_fields=[*changed, "updated_at"])
    if themes is not None:
        chosen = themes_resolve(list(themes))
        if {t.pk for t in chosen} != set(ecosystem.themes.values_list("pk", flat=True)):
            ecosystem.themes.set(chosen)
            changed.append("themes")
    if changed:
        payload: dict = {"changed": changed}
        for field in ("visibility", "join_policy", "slug"):
            if field in changed:
                payload[field] = getattr(ecosystem, field)
        record(verb="ecosystems.ecosystem.updated", actor=actor, subject=ecosystem,
               ecosystem=ecosystem, payload=payload)
    return ecosystem


@transaction.atomic
def charter_update(
    *, actor: Actor, ecosystem: Ecosystem, texts: Mapping[str, str]
) -> list[str]:
    """Change one or more charter texts; returns the principles that changed.

    The activity records which principles changed and the sha256 of each new text, so the
    log can prove what the charter said without repeating it.
    """
    require_person(actor)
    if not permissions.can_manage(actor.person, ecosystem):
        raise NotAllowed(_("Only the facilitators of this ecosystem may change its charter."))
    unknown = set(texts) - set(PRINCIPLES)
    if unknown:
        raise ValidationFailed(
            _("The charter has no principle called %(name)s.") % {"name": sorted(unknown)[0]},
            field=sorted(unknown)[0],
        )
    changed: list[str] = []
    for principle in PRINCIPLES:
        if principle not in texts:
            continue
        text = _clean_text(texts[principle], field=principle, label=_("charter text"),
                           required=True, max_length=CHARTER_MAX)
        if text != ecosystem.charter_text(principle):
            setattr(ecosystem, f"charter_{principle}", text)
            changed.append(principle)
    if changed:
        ecosystem.save(update_fields=[f"charter_{p}" for p in changed] + ["updated_at"])
        record(verb="ecosystems.charter.updated", actor=actor, subject=ecosystem,
               ecosystem=ecosystem,
               payload={"principles": changed,
                        "sha256": {p: text_digest(ecosystem.charter_text(p)) for p in changed}})
    return changed
