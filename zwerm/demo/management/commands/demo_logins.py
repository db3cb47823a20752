"""``manage.py demo_logins``: the demo accounts to sign in with (printed by ``make run``)."""

from django.core.management.base import BaseCommand

from zwerm.demo.data import LOGINS, PASSWORD


class Command(BaseCommand):
    help = "Print the demo logins and their shared password."

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"  Demo logins (password for all: {PASSWORD}):")
        width = max(len(email) for email, _what in LOGINS)
        for email, what in LOGINS:
            self.stdout.write(f"    {email.ljust(width)}  {what}")
