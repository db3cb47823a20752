"""``manage.py load_demo``: the Dutch demo with a year of history (safe to run twice)."""

from django.core.management.base import BaseCommand

from zwerm.demo.loader import load


class Command(BaseCommand):
    help = ("Load the demo organisations, people, ecosystems, events and challenges "
            "(does nothing when loaded).")

    def handle(self, *args, **options) -> None:
        load(log=self.stdout.write)
