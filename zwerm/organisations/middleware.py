"""Puts ``request.actor`` on every request: the person and the organisation they act for."""

from django.utils.functional import SimpleLazyObject

from zwerm.core.actor import Actor
from zwerm.organisations.selectors import acting_organisation


def _actor_for(request) -> Actor:
    user = request.user
    if not user.is_authenticated:
        return Actor(person=None)
    return Actor(person=user, organisation=acting_organisation(person=user))


class ActingOrganisationMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.actor = SimpleLazyObject(lambda: _actor_for(request))
        return self.get_response(request)
