"""The organisations a signed-in person can act for, for the header's switch."""

from django.utils.functional import SimpleLazyObject

from zwerm.organisations.selectors import person_organisations


def acting(request):
    def organisations():
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return []
        return list(person_organisations(person=user))

    return {"actor_organisations": SimpleLazyObject(organisations)}
