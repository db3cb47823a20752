"""The demo's content: fictional Dutch organisations, people and ecosystems.

Only data lives here; ``zwerm.demo.loader`` turns it into records through the services.
Every name is invented: any likeness to a real organisation or person is accidental.
"""

from zwerm.demo.data.ecosystems import ECOSYSTEMS
from zwerm.demo.data.organisations import ORGANISATIONS, PROFILE_UPDATES
from zwerm.demo.data.people import LOGINS, OPERATOR, PASSWORD, PEOPLE

__all__ = [
    "ECOSYSTEMS", "LOGINS", "OPERATOR", "ORGANISATIONS", "PASSWORD", "PEOPLE", "PROFILE_UPDATES",
]
