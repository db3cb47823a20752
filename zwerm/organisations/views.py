"""HTML pages of organisations: thin views over services and selectors."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST

from zwerm.core.http import safe_next
from zwerm.organisations import selectors, services
from zwerm.organisations.models import Organisation


def directory(request):
    organisations = Organisation.objects.filter(merged_into__isnull=True)
    return render(request, "organisations/directory.html", {"organisations": organisations})


def organisation_detail(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    return render(request, "organisations/organisation_detail.html", {"organisation": organisation})


@login_required
@require_POST
def act_for(request):
    organisation = get_object_or_404(
        selectors.person_organisations(person=request.user), uuid=request.POST.get("organisation")
    )
    services.acting_organisation_set(actor=request.actor, organisation=organisation)
    return HttpResponseRedirect(safe_next(request))
