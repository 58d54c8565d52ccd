"""python manage.py suggest_duplicates: store likely duplicates for curators to judge in the admin."""

from django.core.management.base import BaseCommand

from archive.curation.duplicates import duplicates_suggest
from archive.curation.queue import QUEUE_MODELS


class Command(BaseCommand):
    help = "Suggest likely duplicate people, organizations, meetings and agreements (judged pairs are skipped)."

    def add_arguments(self, parser):
        parser.add_argument("--type", choices=list(QUEUE_MODELS), action="append",
                            help="Only this record type (repeatable; default: all four).")

    def handle(self, *args, type=None, **options):
        for name in type or QUEUE_MODELS:
            found = duplicates_suggest(model=QUEUE_MODELS[name])
            self.stdout.write(f"{name}: {found} new suggestion(s)")
