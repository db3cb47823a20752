"""Index every organisation again: after restoring a database, or to check the index."""

from django.core.management.base import BaseCommand

from zwerm.matchmaking import index
from zwerm.matchmaking.models import IndexedOrganisation


class Command(BaseCommand):
    help = "Rebuild the matchmaking index of every organisation."

    def handle(self, *args, **options) -> None:
        version = index.rebuild()
        active = IndexedOrganisation.objects.filter(active=True).count()
        self.stdout.write(f"Indexed {active} organisations; index version {version}.")
