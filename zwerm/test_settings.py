"""Settings for the test suite: the normal settings with tasks run at once and fast hashing."""

import os

os.environ["ZWERM_TESTING"] = "1"
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API in tests

from zwerm.settings import *  # noqa: E402,F403
from zwerm.settings import HUEY  # noqa: E402

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
HUEY = {**HUEY, "immediate": True}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file-based test database (WAL mode), so tests can show real concurrency; one per
    # process, so parallel runs never share it.
    import tempfile

    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"zwerm-test-{os.getpid()}.sqlite3")
    }
