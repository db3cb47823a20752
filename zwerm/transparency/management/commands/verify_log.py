"""Check every stored log against its activities and signed checkpoints."""

from django.core.management.base import BaseCommand, CommandError

from zwerm.transparency.audit import audit


class Command(BaseCommand):
    help = "Check the transparency logs: tree, checkpoints and activities; report pending ones."

    def handle(self, *args, **options):
        report = audit()
        for problem in report.problems:
            self.stderr.write(problem)
        self.stdout.write(
            f"{report.entries} entries and {report.checkpoints} checkpoints checked; "
            f"{report.erased} entries with erased salts (checked without personal fields); "
            f"{report.pending} activities pending."
        )
        if report.problems:
            raise CommandError(f"{len(report.problems)} problem(s) found in the log.")
