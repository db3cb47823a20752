"""Pages about the vote: the ballot, the results with their charts, and the export."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from zwerm.core.errors import DomainError
from zwerm.ideation import results, selectors, services
from zwerm.ideation.exports import ballot_export
from zwerm.ideation.forms import add_domain_error, ballot_choices, ballot_form
from zwerm.ideation.models import Ballot, Phase
from zwerm.ideation.services.voting import voter_key
from zwerm.ideation.views._helpers import challenge_or_404, forbidden, standing


@login_required
def vote(request, slug):
    challenge = challenge_or_404(request, slug)
    me = standing(request, challenge)
    if not me.can_participate:
        return forbidden(request, _("Only members of the ecosystem take part in this challenge."))
    options = selectors.vote_options(challenge=challenge)
    mine = Ballot.objects.filter(challenge=challenge,
                                 voter_key=voter_key(challenge, request.user)).first()
    form = ballot_form(challenge, options, mine.choices if mine else None,
                       request.POST or None)
    receipt = None
    if request.method == "POST" and form.is_valid():
        try:
            mine, receipt = services.ballot_cast(actor=request.actor, challenge=challenge,
                                                 choices=ballot_choices(challenge, form))
        except DomainError as error:
            add_domain_error(form, error)
            if "choices" in error.fields:
                form.add_error(None, error.fields["choices"][0])
        else:
            messages.success(request, _("Your vote has been saved. You can change it until "
                                        "the vote closes."))
            form = ballot_form(challenge, options, mine.choices)
    return render(request, "ideation/vote.html", {
        "challenge": challenge, "me": me, "form": form, "has_voted": mine is not None,
        "receipt": receipt, "is_open": challenge.phase == Phase.VOTE,
        "ballots": selectors.ballot_count(challenge=challenge),
    }, status=422 if request.method == "POST" and form.errors else 200)


def result_page(request, slug):
    challenge = challenge_or_404(request, slug)
    data = results.result_data(challenge)
    rows = results.ranking_rows(challenge, data) if data else []
    ballots = results.open_ballots(challenge)
    return render(request, "ideation/results.html", {
        "challenge": challenge, "me": standing(request, challenge), "data": data,
        "closed": results.vote_closed(challenge),
        "rows": rows, "chart_height": len(rows) * 32,
        "pairwise": results.pairwise_rows(data, rows) if data else [],
        "turnout": results.turnout(challenge) if data else None,
        "ballots": ballots,
        "people": [b.person for b in ballots if b.person_id],
        "titles": {str(i.uuid): i.title for i in challenge.ideas.all()},
        "ballot_count": selectors.ballot_count(challenge=challenge),
    })


def result_export(request, slug):
    challenge = challenge_or_404(request, slug)
    data = results.result_data(challenge)
    if data is None:
        raise Http404
    response = HttpResponse(
        json.dumps(ballot_export(challenge, data), indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{challenge.slug}-ballots.json"'
    return response


