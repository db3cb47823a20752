"""Values every page needs: who acts, for which organisation, and unread notifications."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject


def zwerm(request):
    actor = getattr(request, "actor", None)

    def unread() -> int:
        from zwerm.core.selectors import unread_notification_count

        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return 0
        return unread_notification_count(person=user)

    return {
        "actor": actor,
        "unread_notifications": SimpleLazyObject(unread),
        "zwerm_demo": settings.DEMO,
        "site_url": settings.SITE_URL,
    }
