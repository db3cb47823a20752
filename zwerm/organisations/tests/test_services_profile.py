import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from zwerm.accounts.tests.factories import UserFactory
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, ValidationFailed
from zwerm.core.models import Activity
from zwerm.organisations import services
from zwerm.organisations.models import OrganisationMember, Theme
from zwerm.organisations.tests.conftest import image_upload
from zwerm.organisations.tests.factories import OrganisationFactory, admin_of, person_in

pytestmark = pytest.mark.django_db


def test_create_makes_the_creator_admin_and_acting_for_it():
    person = UserFactory()
    organisation = services.organisation_create(
        actor=Actor(person=person), name="Gemeente Utrecht", kind="government",
        themes="Circulair bouwen, energie, Energie", website="utrecht.nl",
    )
    assert organisation.slug == "gemeente-utrecht"
    assert organisation.website == "https://utrecht.nl"
    assert sorted(t.slug for t in organisation.themes.all()) == ["circulair-bouwen", "energie"]
    member = OrganisationMember.objects.get(organisation=organisation)
    assert member.person == person and member.role == "admin"
    person.refresh_from_db()
    assert person.acting_organisation_uuid == organisation.uuid
    activity = Activity.objects.get(verb="organisations.organisation.created")
    assert activity.organisation_uuid == organisation.uuid
    assert activity.actor == person


def test_slugs_are_unique_and_avoid_reserved_words():
    actor = Actor(person=UserFactory())
    first = services.organisation_create(actor=actor, name="Zwerm BV", kind="company")
    second = services.organisation_create(actor=actor, name="Zwerm B.V.", kind="company")
    reserved = services.organisation_create(actor=actor, name="New", kind="company")
    assert (first.slug, second.slug) == ("zwerm-bv", "zwerm-bv-2")
    assert reserved.slug == "new-organisatie"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": "", "kind": "company"}, "name"),
        ({"name": "X", "kind": "castle"}, "kind"),
        ({"name": "X", "kind": "company", "region": "atlantis"}, "region"),
        ({"name": "X", "kind": "company", "kvk_number": "1234567"}, "kvk_number"),
        ({"name": "X", "kind": "company", "oin": "123"}, "oin"),
        ({"name": "X", "kind": "company", "website": "not a url"}, "website"),
        ({"name": "X", "kind": "company", "slug": "Bad Slug!"}, "slug"),
        ({"name": "X", "kind": "company", "slug": "new"}, "slug"),
        ({"name": "X", "kind": "company", "themes": "!!!"}, "themes"),
    ],
)
def test_create_refuses_bad_input_with_field_errors(changes, field):
    with pytest.raises(ValidationFailed) as error:
        services.organisation_create(actor=Actor(person=UserFactory()), **changes)
    assert field in error.value.fields
    assert not Activity.objects.exists()


def test_create_needs_a_signed_in_person():
    with pytest.raises(NotAllowed):
        services.organisation_create(actor=Actor(person=None), name="X", kind="company")


def test_kvk_and_oin_are_unique_with_field_errors():
    OrganisationFactory(kvk_number="12345678", oin="00000001234567890000")
    actor = Actor(person=UserFactory())
    with pytest.raises(Conflict) as error:
        services.organisation_create(
            actor=actor, name="X", kind="company", kvk_number="1234 5678",
            oin="00000001234567890000",
        )
    assert set(error.value.fields) == {"kvk_number", "oin"}


def test_update_writes_only_what_changed_and_records_it():
    organisation = OrganisationFactory(name="Oud")
    admin = admin_of(organisation)
    actor = Actor(person=admin, organisation=organisation)
    services.organisation_update(
        actor=actor, organisation=organisation, name="Nieuw", description="**Hallo**",
        themes=["Water"],
    )
    organisation.refresh_from_db()
    assert organisation.name == "Nieuw"
    activity = Activity.objects.get(verb="organisations.organisation.updated")
    assert activity.payload == {"fields": ["description", "name", "themes"]}
    services.organisation_update(actor=actor, organisation=organisation, name="Nieuw")
    assert Activity.objects.filter(verb="organisations.organisation.updated").count() == 1


def test_update_slug_conflict_is_a_field_error():
    OrganisationFactory(slug="bezet")
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    with pytest.raises(Conflict) as error:
        services.organisation_update(
            actor=Actor(person=admin), organisation=organisation, slug="bezet"
        )
    assert "slug" in error.value.fields


@pytest.mark.parametrize("role", [None, "member"])
def test_only_admins_update(role):
    organisation = OrganisationFactory()
    person = person_in(organisation, role) if role else UserFactory()
    with pytest.raises(NotAllowed):
        services.organisation_update(
            actor=Actor(person=person), organisation=organisation, name="Overname"
        )


def test_operators_update_and_verify_but_admins_cannot_verify():
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    with pytest.raises(NotAllowed) as error:
        services.organisation_update(
            actor=Actor(person=admin), organisation=organisation, is_verified=True
        )
    assert "is_verified" in error.value.fields
    operator = UserFactory(is_staff=True)
    services.organisation_update(
        actor=Actor(person=operator), organisation=organisation, is_verified=True
    )
    organisation.refresh_from_db()
    assert organisation.is_verified
    assert Activity.objects.filter(verb="organisations.organisation.verified").exists()
    services.organisation_verify_set(
        actor=Actor(person=operator), organisation=organisation, verified=False
    )
    organisation.refresh_from_db()
    assert not organisation.is_verified
    with pytest.raises(NotAllowed):
        services.organisation_verify_set(
            actor=Actor(person=admin), organisation=organisation, verified=True
        )


@pytest.mark.parametrize(("fmt", "extension"), [("PNG", "png"), ("JPEG", "jpg"), ("WEBP", "webp")])
def test_logo_accepts_png_jpeg_webp_and_renames_by_real_format(fmt, extension):
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    services.organisation_update(
        actor=Actor(person=admin), organisation=organisation,
        logo=image_upload(fmt, name="whatever.gif"),
    )
    organisation.refresh_from_db()
    assert organisation.logo.name.endswith(f".{extension}")
    assert organisation.logo.storage.exists(organisation.logo.name)


def test_logo_refuses_svg_fakes_and_large_files(settings):
    organisation = OrganisationFactory()
    actor = Actor(person=admin_of(organisation))
    svg = SimpleUploadedFile(
        "logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        content_type="image/svg+xml",
    )
    fake = SimpleUploadedFile("logo.png", b"\x89PNG not really", content_type="image/png")
    gif = image_upload("GIF", name="logo.gif")
    for upload in (svg, fake, gif):
        with pytest.raises(ValidationFailed) as error:
            services.organisation_update(actor=actor, organisation=organisation, logo=upload)
        assert "logo" in error.value.fields
    settings.ZWERM_LOGO_MAX_BYTES = 100
    with pytest.raises(ValidationFailed, match="MB"):
        services.organisation_update(
            actor=actor, organisation=organisation, logo=image_upload(size=(200, 200))
        )


def test_logo_removal_deletes_the_file_after_commit(django_capture_on_commit_callbacks):
    organisation = OrganisationFactory()
    actor = Actor(person=admin_of(organisation))
    with django_capture_on_commit_callbacks(execute=True):
        services.organisation_update(actor=actor, organisation=organisation, logo=image_upload())
    name = organisation.logo.name
    storage = organisation.logo.storage
    with django_capture_on_commit_callbacks(execute=True):
        services.organisation_update(actor=actor, organisation=organisation, logo=None)
    organisation.refresh_from_db()
    assert not organisation.logo
    assert not storage.exists(name)


def test_themes_are_matched_by_slug_and_limited():
    Theme.objects.create(name="Energie", slug="energie")
    themes = services.themes_resolve(" energie ,ENERGIE, Slimme  mobiliteit ,")
    assert [t.name for t in themes] == ["Energie", "Slimme mobiliteit"]
    with pytest.raises(ValidationFailed):
        services.themes_resolve([f"thema {n}" for n in range(21)])


def test_merged_organisations_can_no_longer_change():
    target = OrganisationFactory()
    source = OrganisationFactory(merged_into=target)
    operator = UserFactory(is_staff=True)
    with pytest.raises(Conflict):
        services.organisation_update(
            actor=Actor(person=operator), organisation=source, name="Terug"
        )
