"""Pages of working groups: who sees what, forms that show the service's errors, panels, and a
fixed number of queries however many rows a page shows."""

import pytest

from zwerm.collaboration.models import WorkingGroup, WorkingGroupMember, WorkingGroupRole
from zwerm.collaboration.services.working_groups import working_group_archive, working_group_join
from zwerm.collaboration.services.working_groups_posts import post_create
from zwerm.collaboration.tests.working_groups.helpers import (
    make_setting,
    start,
    started_initiative,
)
from zwerm.organisations.tests.factories import OrganisationFactory, person_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def s():
    return make_setting()


def base(s):
    return f"/ecosystems/{s.ecosystem.slug}/working-groups/"


def test_list_shows_active_and_archived_groups_with_counts(client, s):
    start(s, name="Open groep")
    closed = start(s, index=1, name="Oude groep", join_policy="request")
    working_group_archive(actor=s.actor(1), working_group=closed, reason="Klaar")
    response = client.get(base(s))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Open groep" in html and "Oude groep" in html
    assert html.index("Open groep") < html.index("Oude groep")
    assert f'href="{base(s)}new/"' not in html  # anonymous visitors cannot start one
    client.force_login(s.people[0])
    assert f'href="{base(s)}new/"' in client.get(base(s)).content.decode()


def test_create_form_starts_a_group_and_shows_errors(client, s):
    client.force_login(s.people[0])
    assert client.get(base(s) + "new/").status_code == 200
    response = client.post(base(s) + "new/", {"name": "", "purpose": "Doel",
                                              "join_policy": "open"})
    assert response.status_code == 422 and b"errorlist" in response.content
    start(s, index=1, name="Bestaat al")
    response = client.post(base(s) + "new/", {"name": "bestaat al", "purpose": "Doel",
                                              "join_policy": "open"})
    assert response.status_code == 422 and b"errorlist" in response.content
    response = client.post(base(s) + "new/", {"name": "Nieuwe groep", "purpose": "Doel",
                                              "join_policy": "open", "rotation_months": "3"})
    group = WorkingGroup.objects.get(name="Nieuwe groep")
    assert response.status_code == 302 and response["Location"] == f"{base(s)}{group.slug}/"


def test_people_who_may_not_start_are_refused(client, s):
    assert client.get(base(s) + "new/").status_code == 302  # to the login page
    outsider = person_in(OrganisationFactory())
    client.force_login(outsider)
    assert client.get(base(s) + "new/").status_code == 403


def test_members_only_pages_are_404_for_outsiders(client):
    s = make_setting("members")
    group = start(s)
    for path in ["", "new/", f"{group.slug}/", f"{group.slug}/roles/", f"{group.slug}/edit/"]:
        assert client.get(base(s) + path).status_code in (404, 302)
    client.force_login(person_in(OrganisationFactory()))
    for path in ["", f"{group.slug}/", f"{group.slug}/roles/"]:
        assert client.get(base(s) + path).status_code == 404
    assert client.post(base(s) + f"{group.slug}/join/").status_code == 404


def test_detail_join_post_reply_and_leave(client, s):
    group = start(s, description="**Vet** <script>alert(1)</script>")
    url = f"{base(s)}{group.slug}/"
    client.force_login(s.people[1])
    html = client.get(url).content.decode()
    assert "<strong>Vet</strong>" in html and "<script>alert" not in html
    assert f'action="{url}join/"' in html
    client.post(url + "join/")
    assert WorkingGroupMember.objects.get(person=s.people[1]).state == "active"
    response = client.post(url + "posts/", {"body": ""})
    assert response.status_code == 422 and b"errorlist" in response.content
    response = client.post(url + "posts/", {"body": "Hallo *team*"})
    assert response.status_code == 302
    post = group.posts.get()
    client.post(url + "posts/", {"body": "Een antwoord", "reply_to": str(post.uuid)})
    assert group.posts.get(reply_to=post).body == "Een antwoord"
    html = client.get(url).content.decode()
    assert "<em>team</em>" in html and "Een antwoord" in html
    client.post(url + "leave/")
    assert WorkingGroupMember.objects.get(person=s.people[1]).state == "left"


def test_requests_are_answered_on_the_page(client, s):
    group = start(s, join_policy="request")
    request = working_group_join(actor=s.actor(1), working_group=group)
    url = f"{base(s)}{group.slug}/"
    client.force_login(s.people[0])
    assert f"requests/{request.uuid}/" in client.get(url).content.decode()
    client.post(f"{url}requests/{request.uuid}/", {"answer": "decline", "reason": ""})
    request.refresh_from_db()
    assert request.state == "requested"  # a decline needs a reason
    client.post(f"{url}requests/{request.uuid}/", {"answer": "accept"})
    request.refresh_from_db()
    assert request.state == "active"


def test_roles_page_hands_over_and_shows_errors(client, s):
    group = start(s)
    working_group_join(actor=s.actor(1), working_group=group)
    member = WorkingGroupMember.objects.get(person=s.people[1])
    url = f"{base(s)}{group.slug}/roles/"
    client.force_login(s.people[0])
    assert client.get(url).status_code == 200
    response = client.post(url, {"action": "hand_over", "role": "lead",
                                 "to_member": "someone-else"})
    assert response.status_code == 422
    response = client.post(url, {"action": "hand_over", "role": "secretary",
                                 "to_member": str(member.uuid), "reason": ""})
    assert response.status_code == 302
    assert WorkingGroupRole.objects.get(name="secretary", ended_at__isnull=True).person == (
        s.people[1])
    response = client.post(url, {"action": "step_down", "step-role": "secretary"})
    assert response.status_code == 422  # only the holder or a facilitator ends a role
    assert WorkingGroupRole.objects.filter(name="secretary", ended_at__isnull=True).exists()


def test_edit_and_archive_pages(client, s):
    group = start(s)
    url = f"{base(s)}{group.slug}/"
    client.force_login(s.people[1])
    assert client.get(url + "edit/").status_code == 403
    client.force_login(s.people[0])
    response = client.post(url + "edit/", {"name": "Nieuwe naam", "purpose": "Doel",
                                           "join_policy": "request"})
    assert response.status_code == 302
    assert client.post(url + "archive/", {"reason": ""}).status_code == 422
    assert client.post(url + "archive/", {"reason": "Klaar"}).status_code == 302
    group.refresh_from_db()
    assert group.name == "Nieuwe naam" and group.is_archived
    assert client.get(url + "edit/").status_code == 403
    html = client.get(url).content.decode()
    assert "Klaar" in html and 'action="' + url + 'posts/"' not in html


def test_ecosystem_page_shows_the_subnav_entry_and_the_aside_panel(client, s):
    start(s, name="Eerste groep")
    html = client.get(f"/ecosystems/{s.ecosystem.slug}/").content.decode()
    assert f'href="{base(s)}"' in html and "Eerste groep" in html


def test_initiatives_page_offers_the_working_group(client, s):
    initiative = started_initiative(s.ecosystem, [(s.orgs[1], s.people[1])])
    page = f"/challenges/{initiative.challenge.slug}/initiatives/"
    start_url = f"{base(s)}from-initiative/{initiative.uuid}/"
    client.force_login(s.people[1])
    assert start_url in client.get(page).content.decode()
    assert client.get(start_url).status_code == 200
    response = client.post(start_url, {"name": "Warmtenet", "purpose": "Doel",
                                       "join_policy": "open"})
    group = WorkingGroup.objects.get()
    assert response.status_code == 302 and group.initiative == initiative
    html = client.get(page).content.decode()
    assert f"{base(s)}{group.slug}/" in html and start_url not in html
    assert client.get(start_url)["Location"] == f"{base(s)}{group.slug}/"
    client.force_login(s.people[2])  # did not commit
    other = started_initiative(s.ecosystem, [(s.orgs[1], s.people[1])])
    assert client.get(f"{base(s)}from-initiative/{other.uuid}/").status_code == 403


@pytest.mark.parametrize("rows", [5, 50])
def test_list_page_queries(client, s, rows, django_assert_max_num_queries):
    for number in range(rows):
        start(s, index=number % 3, name=f"Groep {number}")
    client.force_login(s.people[0])
    with django_assert_max_num_queries(25):
        response = client.get(base(s))
    assert response.content.count(b'class="card wg-card"') == rows


@pytest.mark.parametrize("rows", [5, 50])
def test_detail_page_queries(client, s, rows, django_assert_max_num_queries):
    group = start(s)
    working_group_join(actor=s.actor(1), working_group=group)
    for number in range(rows):
        post = post_create(actor=s.actor(number % 2), working_group=group, body=f"Bericht {number}")
        post_create(actor=s.actor(0), working_group=group, body="Antwoord", reply_to=post)
    client.force_login(s.people[1])
    with django_assert_max_num_queries(40):
        response = client.get(f"{base(s)}{group.slug}/")
    assert response.content.count(b'class="comment"') == rows * 2


def test_detail_shows_earlier_role_holders(client, s):
    from zwerm.collaboration.services.working_groups_roles import role_hand_over

    group = start(s)
    working_group_join(actor=s.actor(1), working_group=group)
    url = f"{base(s)}{group.slug}/"
    assert "Rotatie na een jaar" not in client.get(url).content.decode()
    role_hand_over(actor=s.actor(0), working_group=group, role="lead",
                   to_member=WorkingGroupMember.objects.get(person=s.people[1]),
                   reason="Rotatie na een jaar")
    assert "Rotatie na een jaar" in client.get(url).content.decode()


def _thread(s, rows):
    group = start(s)
    working_group_join(actor=s.actor(1), working_group=group)
    for number in range(rows):
        post = post_create(actor=s.actor(1), working_group=group, body=f"Bericht {number}")
        post_create(actor=s.actor(0), working_group=group, body="Antwoord", reply_to=post)
    return group


def test_delete_buttons_follow_can_delete_post(client, s):
    """Authors delete their own posts, facilitators any; nobody in an archived group."""
    group = _thread(s, 3)
    url = f"{base(s)}{group.slug}/"

    def buttons():
        return client.get(url).content.decode().count("/delete/")

    assert buttons() == 0
    client.force_login(s.people[1])
    assert buttons() == 3  # their own messages, not the replies
    client.force_login(s.facilitator)
    assert buttons() == 6
    working_group_archive(actor=s.actor(0), working_group=group, reason="Klaar")
    assert buttons() == 0


def test_deciding_who_deletes_takes_no_query_per_post(client, s):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for rows in (3, 12):
        group = _thread(s, rows)
        client.force_login(s.facilitator)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(f"{base(s)}{group.slug}/")
        assert response.content.decode().count("/delete/") == rows * 2
        counts.append(len(captured.captured_queries))
        WorkingGroup.objects.filter(pk=group.pk).delete()
    assert counts[0] == counts[1]
