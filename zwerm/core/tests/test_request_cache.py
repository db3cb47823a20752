"""Within one read-only request an answer is asked once; writes and code outside requests
always see the database."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zwerm.core.request_cache import RequestCacheMiddleware, remembered
from zwerm.organisations.permissions import organisation_roles, role_in
from zwerm.organisations.tests.factories import OrganisationFactory, person_in

pytestmark = pytest.mark.django_db


def test_outside_a_request_every_call_computes():
    calls = []
    assert remembered("k", lambda: calls.append(1) or len(calls)) == 1
    assert remembered("k", lambda: calls.append(1) or len(calls)) == 2


def _run(method, view, rf):
    return RequestCacheMiddleware(view)(getattr(rf, method.lower())("/"))


def test_a_get_request_asks_the_database_once(rf):
    person = person_in(OrganisationFactory())
    organisation = OrganisationFactory()
    seen = {}

    def view(request):
        with CaptureQueriesContext(connection) as queries:
            seen["first"] = organisation_roles(person)
            seen["again"] = role_in(person, organisation)
        seen["queries"] = len(queries.captured_queries)
        return None

    _run("GET", view, rf)
    assert len(seen["first"]) == 1 and seen["again"] is None
    assert seen["queries"] == 1


def test_a_post_request_sees_its_own_writes(rf):
    organisation = OrganisationFactory()
    person = person_in(OrganisationFactory())
    seen = {}

    def view(request):
        before = role_in(person, organisation)
        organisation.memberships.create(person=person, role="member")
        seen["roles"] = (before, role_in(person, organisation))
        return None

    _run("POST", view, rf)
    assert seen["roles"] == (None, "member")


def test_the_store_is_dropped_after_the_request(rf):
    person = person_in(OrganisationFactory())
    _run("GET", lambda request: organisation_roles(person), rf)
    with CaptureQueriesContext(connection) as queries:
        organisation_roles(person)
    assert len(queries.captured_queries) == 1
