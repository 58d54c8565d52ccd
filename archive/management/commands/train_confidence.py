"""python manage.py train_confidence: learn the confidence from curators' verified and rejected records."""

from django.core.management.base import BaseCommand

from archive.curation.confidence import MINIMUM_DECISIONS, confidence_train


class Command(BaseCommand):
    help = ("Retrain the confidence model from verified (right) and rejected (wrong) records, keep the previous "
            "model where the new one is no better, and re-score unreviewed records.")

    def add_arguments(self, parser):
        parser.add_argument("--minimum", type=int, default=MINIMUM_DECISIONS,
                            help=f"Decisions of each kind a type needs (default {MINIMUM_DECISIONS}).")

    def handle(self, *args, minimum, **options):
        for line in confidence_train(minimum=minimum).lines():
            self.stdout.write(line)
