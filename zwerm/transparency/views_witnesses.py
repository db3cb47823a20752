"""The organisation's witness keys: registered and revoked by its administrators."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zwerm.core.errors import DomainError
from zwerm.ecosystems.forms import add_domain_error
from zwerm.transparency import selectors, services
from zwerm.transparency.forms import WitnessKeyForm
from zwerm.transparency.permissions import can_manage_witnesses


@login_required
def witness_keys(request: HttpRequest) -> HttpResponse:
    organisation = request.actor.organisation
    can_manage = organisation is not None and can_manage_witnesses(request.user, organisation)
    form = WitnessKeyForm(request.POST or None)
    if request.method == "POST" and can_manage and form.is_valid():
        try:
            services.witness_key_register(actor=request.actor, vkey=form.cleaned_data["vkey"])
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The witness key has been registered."))
            return redirect("transparency:witness_keys")
    status = 403 if request.method == "POST" and not can_manage else 200
    return render(request, "transparency/witness_keys.html", {
        "organisation": organisation,
        "keys": selectors.witness_keys(viewer=request.actor).order_by("-created_at"),
        "form": form,
        "can_manage": can_manage,
    }, status=status)


@login_required
@require_POST
def witness_key_revoke(request: HttpRequest, key: uuid.UUID) -> HttpResponse:
    try:
        witness = selectors.witness_key(viewer=request.actor, key_uuid=key)
        services.witness_key_revoke(actor=request.actor, key=witness)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The witness key has been revoked."))
    return redirect("transparency:witness_keys")
