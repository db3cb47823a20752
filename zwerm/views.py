"""Pages that bring several apps together: the home page and a person's dashboard."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from zwerm.core.selectors import activity_list
from zwerm.ecosystems import permissions as ecosystem_permissions
from zwerm.ecosystems import selectors as ecosystem_selectors
from zwerm.ecosystems.models import Ecosystem
from zwerm.organisations.selectors import person_organisations


def home(request):
    """Explains Zwerm to a first-time visitor and shows the public ecosystems."""
    ecosystems = ecosystem_selectors.ecosystem_list(viewer=None)
    return render(request, "core/home.html", {
        "ecosystems": ecosystems[:6],
        "ecosystem_count": Ecosystem.objects.filter(
            visibility=Ecosystem.Visibility.PUBLIC).count(),
        "can_create": ecosystem_permissions.can_create_ecosystem(request.actor),
    })


@login_required
def dashboard(request):
    """A person's start page: their organisations, ecosystems, what waits and what happened."""
    person = request.user
    memberships = list(ecosystem_selectors.person_memberships(person=person))
    organisations = list(person_organisations(person=person))
    around = (
        {m.ecosystem.uuid for m in memberships if m.state in ("active", "paused")},
        {organisation.uuid for organisation in organisations},
    )
    return render(request, "core/dashboard.html", {
        "organisations": organisations,
        "memberships": [m for m in memberships if m.state in ("active", "paused")],
        "own_requests": [m for m in memberships if m.state == "requested"],
        "invitations": list(ecosystem_selectors.invitations_for_person(person=person)),
        "requests_to_answer": list(ecosystem_selectors.requests_to_facilitate(person=person)),
        "activities": activity_list(viewer=person, around=around)[:15],
        "can_create": ecosystem_permissions.can_create_ecosystem(request.actor),
    })
