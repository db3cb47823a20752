"""Pages: forms that call the services and show their errors, the board and detail page
(overdue in text, progress with text), downloads, the panels, and fixed query counts."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone

from zwerm.collaboration.models import Attachment, Deliverable, DeliverableLink, Milestone
from zwerm.collaboration.services.deliverables_attachments import attachment_add
from zwerm.collaboration.tests.deliverables.conftest import PDF
from zwerm.core.panels import panel_contexts

pytestmark = pytest.mark.django_db

PAST = timezone.localdate() - datetime.timedelta(days=2)


@pytest.fixture
def en(client):
    client.cookies["zwerm_language"] = "en"
    return client


def url(setup, rest=""):
    return f"/ecosystems/{setup.ecosystem.slug}/deliverables/{rest}"


def test_create_through_the_page(en, setup):
    en.force_login(setup.owner.person)
    page = en.get(url(setup, "new/"))
    assert page.status_code == 200 and b'name="due_on"' in page.content
    response = en.post(url(setup, "new/"), {"title": "Handboek", "description": "**Vet**",
                                            "owner": str(setup.org.uuid), "due_on": "2030-01-31"})
    deliverable = Deliverable.objects.get()
    assert response.status_code == 302 and str(deliverable.uuid) in response["Location"]
    detail = en.get(response["Location"]).content.decode()
    assert "<strong>Vet</strong>" in detail and "Progress: 0 %" in detail


def test_create_form_shows_service_errors(en, setup):
    en.force_login(setup.owner.person)
    response = en.post(url(setup, "new/"), {"title": "In de groep", "owner": str(setup.org.uuid),
                                            "working_group": setup.group.slug})
    assert response.status_code == 200
    assert b"Only active members of the working group" in response.content
    response = en.post(url(setup, "new/"), {"title": "", "owner": "nope"})
    assert response.status_code == 200 and b"errorlist" in response.content
    assert not Deliverable.objects.exists()


def test_the_page_form_refuses_another_owner_without_its_consent(en, setup):
    en.force_login(setup.owner.person)
    other = str(setup.other_org.uuid).encode()
    assert other not in en.get(url(setup, "new/")).content  # not offered
    response = en.post(url(setup, "new/"), {"title": "Voor een ander",
                                            "owner": str(setup.other_org.uuid)})
    assert response.status_code == 200
    assert b"Select a valid choice" in response.content
    assert not Deliverable.objects.exists()
    deliverable = setup.deliverable()
    assert other not in en.get(url(setup, f"{deliverable.uuid}/edit/")).content
    response = en.post(url(setup, f"{deliverable.uuid}/edit/"), {
        "title": "Weggegeven", "owner": str(setup.other_org.uuid), "due_on": ""})
    assert response.status_code == 200 and b"Select a valid choice" in response.content
    deliverable.refresh_from_db()
    assert (deliverable.owner, deliverable.title) == (setup.org, "Handboek circulair beton")
    # A facilitator may.
    en.force_login(setup.facilitator)
    response = en.post(url(setup, f"{deliverable.uuid}/edit/"), {
        "title": "Overgedragen", "owner": str(setup.other_org.uuid), "due_on": ""})
    assert response.status_code == 302
    deliverable.refresh_from_db()
    assert deliverable.owner == setup.other_org


def test_detail_shows_overdue_progress_and_trail(en, setup):
    deliverable = setup.with_milestones(3, due_on=PAST)
    Milestone.objects.filter(title="Stap 1").update(state="done")
    Milestone.objects.filter(title="Stap 2").update(due_on=PAST)
    page = en.get(url(setup, f"{deliverable.uuid}/")).content.decode()
    assert "Progress: 33 %" in page and 'value="33"' in page
    assert "1 of 3 milestones done" in page
    assert page.count("Overdue") >= 2  # the deliverable and its late milestone, in words
    assert 'aria-label="Where this deliverable comes from"' in page


def test_edit_through_the_page(en, setup):
    deliverable = setup.deliverable()
    en.force_login(setup.colleague.person)
    response = en.post(url(setup, f"{deliverable.uuid}/edit/"), {
        "title": "Nieuwe titel", "owner": str(setup.org.uuid), "due_on": ""})
    assert response.status_code == 302
    deliverable.refresh_from_db()
    assert deliverable.title == "Nieuwe titel"


def test_state_through_the_page(en, setup):
    deliverable = setup.deliverable()
    en.force_login(setup.owner.person)
    response = en.post(url(setup, f"{deliverable.uuid}/state/"), {"state": "cancelled"})
    assert response.status_code == 200 and b"Please fill in the reason." in response.content
    response = en.post(url(setup, f"{deliverable.uuid}/state/"),
                       {"state": "cancelled", "reason": "Geen geld"})
    assert response.status_code == 302
    deliverable.refresh_from_db()
    assert deliverable.state == "cancelled"
    page = en.get(url(setup, f"{deliverable.uuid}/")).content.decode()
    assert "Geen geld" in page


def test_milestones_through_the_page(en, setup):
    deliverable = setup.deliverable()
    en.force_login(setup.owner.person)
    base = url(setup, f"{deliverable.uuid}/milestones/")
    assert en.post(base, {"title": ""}).status_code == 200  # the form comes back with errors
    for title in ("Een", "Twee"):
        assert en.post(base, {"title": title}).status_code == 302
    one, two = deliverable.milestones.order_by("position")
    assert en.post(f"{base}{two.uuid}/move/", {"direction": "up"}).status_code == 302
    assert list(deliverable.milestones.order_by("position")) == [two, one]
    assert en.post(f"{base}{one.uuid}/state/", {"state": "done"}).status_code == 302
    one.refresh_from_db()
    assert one.state == "done"
    response = en.post(f"{base}{one.uuid}/remove/", follow=True)
    assert b"Only an open milestone can be removed" in response.content
    assert en.post(f"{base}{two.uuid}/edit/", {"title": "Twee!"}).status_code == 302
    assert en.post(f"{base}{two.uuid}/remove/").status_code == 302
    assert list(deliverable.milestones.all()) == [one]


def test_links_and_files_through_the_page(en, setup, settings):
    deliverable = setup.deliverable()
    en.force_login(setup.owner.person)
    base = url(setup, f"{deliverable.uuid}/")
    response = en.post(base + "links/", {"kind": "document", "url": "javascript:alert(1)"})
    assert response.status_code == 200
    assert b"Enter a full web address starting with http" in response.content
    assert en.post(base + "links/", {"kind": "document",
                                     "url": "https://example.org/x.pdf"}).status_code == 302
    link = DeliverableLink.objects.get()
    assert en.post(base + f"links/{link.uuid}/remove/").status_code == 302
    bad = en.post(base + "attachments/", {"file": SimpleUploadedFile("x.pdf", b"<script>")})
    assert bad.status_code == 200 and b"This type of file is not accepted" in bad.content
    good = en.post(base + "attachments/", {"file": SimpleUploadedFile("plan.pdf", PDF)})
    assert good.status_code == 302
    attachment = Attachment.objects.get()
    download = en.get(base + f"attachments/{attachment.uuid}/")
    assert download["Content-Type"] == "application/pdf"
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Disposition"] == 'attachment; filename="plan.pdf"'
    assert settings.MEDIA_URL not in en.get(base).content.decode()
    assert en.post(base + f"attachments/{attachment.uuid}/remove/").status_code == 302
    assert not Attachment.objects.exists()


def test_unknown_items_are_404(en, setup):
    deliverable = setup.deliverable()
    en.force_login(setup.owner.person)
    base = url(setup, f"{deliverable.uuid}/")
    assert en.get(base + f"attachments/{deliverable.uuid}/").status_code == 404
    assert en.post(base + f"milestones/{deliverable.uuid}/state/",
                   {"state": "done"}).status_code == 404
    assert en.get(url(setup, f"{setup.ecosystem.uuid}/")).status_code == 404
    assert en.get(url(setup, "group/bestaat-niet/")).status_code == 404


def test_other_people_cannot_act_through_the_page(en, setup):
    deliverable = setup.deliverable()
    attachment_add(actor=setup.owner, deliverable=deliverable,
                   upload=SimpleUploadedFile("plan.pdf", PDF))
    en.force_login(setup.other.person)
    page = en.get(url(setup, f"{deliverable.uuid}/")).content.decode()
    assert "Change the state" not in page and "Remove" not in page
    response = en.post(url(setup, f"{deliverable.uuid}/state/"), {"state": "in_progress"})
    assert response.status_code == 403 and b"Only the people of the owner organisation" in \
        response.content
    Deliverable.objects.get(state="planned")


def test_panels_on_the_ecosystem_page(en, setup):
    setup.deliverable("Laat", due_on=PAST)
    page = en.get(f"/ecosystems/{setup.ecosystem.slug}/").content.decode()
    assert f"/ecosystems/{setup.ecosystem.slug}/deliverables/" in page
    assert "1 overdue" in page and "1 open" in page


def test_working_group_panel(setup, rf=None):
    setup.deliverable("In de groep", actor=setup.lead, working_group=setup.group)
    request = RequestFactory().get("/")
    request.user = setup.lead.person
    request.actor = setup.lead
    [(panel, context)] = [(p, c) for p, c in panel_contexts("working_group_sections", request,
                                                            setup.group)
                          if "deliverables" in p.template_name]
    assert context["count"] == 1 and context["can_create"]
    html = render_to_string(panel.template_name, {**context, "request": request})
    assert "In de groep" in html and "<h4" in html


def test_group_board_page(en, setup):
    setup.deliverable("Buiten de groep")
    setup.deliverable("In de groep", actor=setup.lead, working_group=setup.group)
    page = en.get(url(setup, f"group/{setup.group.slug}/")).content.decode()
    assert "In de groep" in page and "Buiten de groep" not in page


def test_board_filters(en, setup):
    setup.deliverable("Laat", due_on=PAST)
    setup.deliverable("Op tijd")
    page = en.get(url(setup), {"overdue": "1"}).content.decode()
    assert "Laat" in page and "Op tijd" not in page
    assert "deliverable-overdue" in page and "Overdue" in page
    page = en.get(url(setup), {"state": "nonsense", "owner": "nope"}).content.decode()
    assert "Laat" in page and "Op tijd" in page  # unknown filter values filter nothing here


@pytest.mark.parametrize("rows", [5, 50])
def test_board_query_count(client, make_setup, django_assert_max_num_queries, rows):
    s = make_setup()
    for number in range(rows):
        deliverable = Deliverable.objects.create(ecosystem=s.ecosystem, owner=s.org,
                                                 working_group=s.group, due_on=PAST,
                                                 title=f"Resultaat {number}")
        Milestone.objects.create(deliverable=deliverable, title="Stap", due_on=PAST)
    client.force_login(s.owner.person)
    with django_assert_max_num_queries(25):
        response = client.get(url(s))
    assert response.content.count(b"deliverable-card deliverable-overdue") == rows


@pytest.mark.parametrize("rows", [5, 50])
def test_detail_query_count(client, make_setup, django_assert_max_num_queries, rows):
    s = make_setup()
    deliverable = s.deliverable()
    Milestone.objects.bulk_create(Milestone(deliverable=deliverable, title=f"Stap {n}",
                                            position=n) for n in range(rows))
    for number in range(min(rows, 5)):
        attachment_add(actor=s.owner, deliverable=deliverable,
                       upload=SimpleUploadedFile(f"plan{number}.pdf", PDF))
    client.force_login(s.owner.person)
    with django_assert_max_num_queries(30):
        response = client.get(url(s, f"{deliverable.uuid}/"))
    assert response.content.count(b'<li class="milestone') == rows
