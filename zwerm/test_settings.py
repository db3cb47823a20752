"""Settings for the test suite: the normal settings with tasks run at once and fast hashing."""

import os

os.environ["ZWERM_TESTING"] = "1"
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API in tests

from zwerm.settings import *  # noqa: E402,F403
from zwerm.settings import HUEY  # noqa: E402

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
HUEY = {**HUEY, "immediate": True}
