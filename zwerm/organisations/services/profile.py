"""Writes about an organisation's profile: create, update, verify, logo and themes."""

from __future__ import annotations

import io
import re
import uuid
from typing import Any, TypedDict, Unpack

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, ValidationFailed
from zwerm.organisations import permissions
from zwerm.organisations.models import (
    Organisation,
    OrganisationMember,
    Region,
    Theme,
    kvk_validator,
    oin_validator,
)

RESERVED_SLUGS = frozenset({"new", "act-for", "invitations", "api", "admin"})
MAX_THEMES = 20
MAX_DESCRIPTION = 10_000
LOGO_FORMATS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}
TEXT_FIELDS = ("name", "slug", "kind", "website", "region", "description", "kvk_number", "oin")


class ProfileChanges(TypedDict, total=False):
    """The profile fields a service call may change; absent keys stay as they are."""

    name: str
    slug: str
    kind: str
    website: str
    region: str
    description: str
    themes: str | list[str]
    kvk_number: str
    oin: str
    logo: Any  # an uploaded file, or None to remove the logo
    is_verified: bool


def _add(errors: dict[str, list[str]], field: str, message: str) -> None:
    errors.setdefault(field, []).append(message)


def _normalise(changes: ProfileChanges) -> dict[str, Any]:
    values: dict[str, Any] = dict(changes)
    for field in TEXT_FIELDS:
        if field in values:
            values[field] = (values[field] or "").strip()
    for field in ("kvk_number", "oin"):
        if field in values:
            values[field] = re.sub(r"[\s.-]", "", values[field])
    website = values.get("website")
    if website and "://" not in website:
        values["website"] = f"https://{website}"
    if "slug" in values:
        values["slug"] = values["slug"].lower()
    return values


def _check_formats(values: dict[str, Any], errors: dict[str, list[str]]) -> None:
    if "name" in values:
        if not values["name"]:
            _add(errors, "name", _("Give the organisation a name."))
        elif len(values["name"]) > 200:
            _add(errors, "name", _("A name has at most 200 characters."))
    if "kind" in values and values["kind"] not in Organisation.Kind.values:
        _add(errors, "kind", _("Choose one of the kinds of organisation."))
    if "region" in values and values["region"] not in ("", *Region.values):
        _add(errors, "region", _("Choose one of the regions."))
    if values.get("website"):
        try:
            URLValidator(schemes=["http", "https"])(values["website"])
            if len(values["website"]) > 200:
                raise ValidationError("too long")
        except ValidationError:
            _add(errors, "website", _("Enter a valid web address, such as https://example.nl."))
    if "description" in values and len(values["description"]) > MAX_DESCRIPTION:
        _add(errors, "description", _("A description has at most 10,000 characters."))
    if "slug" in values:
        slug = values["slug"]
        if not slug or not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug) or len(slug) > 80:
            _add(
                errors, "slug",
                _("A web address name has lowercase letters, digits and hyphens only "
                  "(at most 80)."),
            )
        elif slug in RESERVED_SLUGS:
            _add(errors, "slug", _("This web address name is reserved; choose another one."))
    for field, validator in (("kvk_number", kvk_validator), ("oin", oin_validator)):
        if values.get(field):
            try:
                validator(values[field])
            except ValidationError as error:
                _add(errors, field, str(error.messages[0]))


def _check_unique(organisation: Organisation | None, values: dict[str, Any]) -> dict:
    others = Organisation.objects.all()
    if organisation is not None and organisation.pk:
        others = others.exclude(pk=organisation.pk)
    conflicts: dict[str, list[str]] = {}
    if values.get("slug") and others.filter(slug=values["slug"]).exists():
        _add(conflicts, "slug", _("Another organisation already uses this web address name."))
    if values.get("kvk_number") and others.filter(kvk_number=values["kvk_number"]).exists():
        _add(
            conflicts, "kvk_number",
            _("Another organisation is already registered with this KvK number."),
        )
    if values.get("oin") and others.filter(oin=values["oin"]).exists():
        _add(conflicts, "oin", _("Another organisation is already registered with this OIN."))
    return conflicts


def themes_resolve(raw: str | list[str]) -> list[Theme]:
    """Turn 'circulair bouwen, energie' into themes, creating the missing ones.

    Themes are matched by slug, so 'Energie' and 'energie' are one theme.
    """
    names = raw.split(",") if isinstance(raw, str) else list(raw)
    wanted: dict[str, str] = {}
    for name in names:
        name = " ".join(str(name).split())
        if not name:
            continue
        if len(name) > 80:
            raise ValidationFailed(_("A theme has at most 80 characters."), field="themes")
        slug = slugify(name)[:80]
        if not slug:
            raise ValidationFailed(
                _("“%(theme)s” is not a usable theme; use letters or digits.") % {"theme": name},
                field="themes",
            )
        wanted.setdefault(slug, name)
    if len(wanted) > MAX_THEMES:
        raise ValidationFailed(
            _("Choose at most %(count)d themes.") % {"count": MAX_THEMES}, field="themes"
        )
    existing = {theme.slug: theme for theme in Theme.objects.filter(slug__in=wanted)}
    themes = []
    for slug, name in wanted.items():
        theme = existing.get(slug)
        if theme is None:
            theme, _created = Theme.objects.get_or_create(slug=slug, defaults={"name": name})
        themes.append(theme)
    return themes


def logo_validate(upload: Any) -> ContentFile:
    """Accept PNG, JPEG or WebP that Pillow can read, within the size limit; refuse the rest.

    The stored file gets a fresh name and the extension of its real format, whatever the
    upload called itself, so a disguised SVG or script never lands in media storage.
    """
    size = getattr(upload, "size", None)
    if size is None or size > settings.ZWERM_LOGO_MAX_BYTES:
        limit = settings.ZWERM_LOGO_MAX_BYTES // (1024 * 1024)
        raise ValidationFailed(
            _("A logo may be at most %(size)d MB.") % {"size": limit}, field="logo"
        )
    upload.seek(0)
    data = upload.read()
    refused = ValidationFailed(
        _("Upload the logo as a PNG, JPEG or WebP image (SVG is not accepted)."), field="logo"
    )
    try:
        with Image.open(io.BytesIO(data)) as image:
            image_format = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise refused from None
    if image_format not in LOGO_FORMATS:
        raise refused
    return ContentFile(data, name=f"{uuid.uuid4().hex}.{LOGO_FORMATS[image_format]}")


def _check_known(changes: Any) -> None:
    unknown = set(changes) - set(ProfileChanges.__annotations__)
    if unknown:
        raise TypeError(f"Unknown profile fields: {sorted(unknown)}")


def _require_edit(actor: Actor, organisation: Organisation) -> None:
    if organisation.is_merged:
        raise Conflict(_("This organisation was merged into another one and can no longer change."))
    if not permissions.can_edit(actor, organisation):
        raise NotAllowed(_("Only the organisation's administrators can change its profile."))


def _unique_slug(name: str) -> str:
    base = slugify(name)[:70].strip("-") or "organisatie"
    if base in RESERVED_SLUGS:
        base = f"{base}-organisatie"
    taken = set(Organisation.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def _save(organisation: Organisation, fields: list[str] | None = None) -> None:
    """Save, turning a lost race on a unique value into the same error as the check."""
    try:
        with transaction.atomic():
            if fields is None:
                organisation.save()
            else:
                organisation.save(update_fields=fields)
    except IntegrityError:
        raise Conflict(
            _("Another organisation took this web address name, KvK number or OIN just now. "
              "Please check them and try again.")
        ) from None


@transaction.atomic
def organisation_create(*, actor: Actor, **changes: Unpack[ProfileChanges]) -> Organisation:
    """Create an organisation; the creator becomes its administrator and acts for it."""
    _check_known(changes)
    if not permissions.can_create(actor):
        raise NotAllowed(_("Sign in to create an organisation."))
    if "is_verified" in changes:
        raise NotAllowed(_("Only operators can mark an organisation as verified."))
    values = _normalise(changes)  # type: ignore[arg-type]
    values.setdefault("name", "")
    values.setdefault("kind", "")
    if not values.get("slug"):
        values.pop("slug", None)
    errors: dict[str, list[str]] = {}
    _check_formats(values, errors)
    if errors:
        raise ValidationFailed(_("Some fields are missing or invalid."), fields=errors)
    conflicts = _check_unique(None, values)
    if conflicts:
        raise Conflict(_("Some values are already in use."), fields=conflicts)
    themes = themes_resolve(values.pop("themes", ""))
    logo = values.pop("logo", None)
    organisation = Organisation(**{k: v for k, v in values.items() if k in TEXT_FIELDS})
    if not organisation.slug:
        organisation.slug = _unique_slug(organisation.name)
    if logo:
        organisation.logo = logo_validate(logo)
    _save(organisation)
    organisation.themes.set(themes)
    person = actor.person
    OrganisationMember.objects.create(
        organisation=organisation, person=person, role=OrganisationMember.Role.ADMIN
    )
    person.acting_organisation_uuid = organisation.uuid
    person.save(update_fields=["acting_organisation_uuid"])
    record(
        verb="organisations.organisation.created",
        actor=Actor(person=person, organisation=organisation),
        subject=organisation,
        organisation=organisation,
        payload={"kind": organisation.kind},
    )
    return organisation


@transaction.atomic
def organisation_update(
    *, actor: Actor, organisation: Organisation, **changes: Unpack[ProfileChanges]
) -> Organisation:
    """Change profile fields; only what changed is written and recorded."""
    _check_known(changes)
    _require_edit(actor, organisation)
    values = _normalise(changes)  # type: ignore[arg-type]
    verified = values.pop("is_verified", None)
    wants_verify = verified is not None and bool(verified) != organisation.is_verified
    if wants_verify and not permissions.can_verify(actor):
        raise NotAllowed(
            _("Only operators can mark an organisation as verified."), field="is_verified"
        )
    errors: dict[str, list[str]] = {}
    _check_formats(values, errors)
    if errors:
        raise ValidationFailed(_("Some fields are missing or invalid."), fields=errors)
    conflicts = _check_unique(organisation, values)
    if conflicts:
        raise Conflict(_("Some values are already in use."), fields=conflicts)

    changed: list[str] = []
    for field in TEXT_FIELDS:
        if field in values and getattr(organisation, field) != values[field]:
            setattr(organisation, field, values[field])
            changed.append(field)
    old_logo = organisation.logo.name if organisation.logo else ""
    if "logo" in values:
        if values["logo"]:
            organisation.logo = logo_validate(values["logo"])
            changed.append("logo")
        elif old_logo:
            organisation.logo = ""
            changed.append("logo")
    themes_changed = False
    if "themes" in values:
        themes = themes_resolve(values["themes"])
        current = set(organisation.themes.values_list("pk", flat=True))
        if current != {theme.pk for theme in themes}:
            organisation.themes.set(themes)
            themes_changed = True
    if changed:
        _save(organisation, [*changed, "updated_at"])
    if "logo" in changed and old_logo:
        storage = organisation.logo.storage
        transaction.on_commit(lambda: storage.delete(old_logo))
    if changed or themes_changed:
        record(
            verb="organisations.organisation.updated",
            actor=actor,
            subject=organisation,
            organisation=organisation,
            payload={"fields": sorted([*changed, *(["themes"] if themes_changed else [])])},
        )
    if verified is not None and bool(verified) != organisation.is_verified:
        _verify(actor, organisation, bool(verified))
    return organisation


def _verify(actor: Actor, organisation: Organisation, verified: bool) -> None:
    organisation.is_verified = verified
    organisation.save(update_fields=["is_verified", "updated_at"])
    record(
        verb=(
            "organisations.organisation.verified"
            if verified
            else "organisations.organisation.unverified"
        ),
        actor=actor,
        subject=organisation,
        organisation=organisation,
        payload={"verified": verified},
    )


@transaction.atomic
def organisation_verify_set(
    *, actor: Actor, organisation: Organisation, verified: bool
) -> Organisation:
    """Operators mark an organisation whose identity they checked (or take the mark away)."""
    if not permissions.can_verify(actor):
        raise NotAllowed(_("Only operators can mark an organisation as verified."))
    if organisation.is_merged:
        raise Conflict(_("This organisation was merged into another one and can no longer change."))
    if organisation.is_verified != verified:
        _verify(actor, organisation, verified)
    return organisation
