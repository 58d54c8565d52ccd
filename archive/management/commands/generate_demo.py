"""python manage.py generate_demo --articles N [--seed S] [--batch 5000]: a large, realistic demo archive."""

from django.core.management.base import BaseCommand, CommandError

from archive.demo import generate_demo


class Command(BaseCommand):
    help = "Add N generated articles with people, organizations, meetings, agreements and evidence."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True, help="How many articles to add.")
        parser.add_argument("--seed", type=int, default=0, help="Same seed on the same database, same records.")
        parser.add_argument("--batch", type=int, default=5000, help="Articles per transaction (bounds memory).")

    def handle(self, *args, articles, seed, batch, **options):
        if articles < 1 or batch < 1:
            raise CommandError("--articles and --batch must be at least 1.")

        def progress(done, total, seconds):
            if total > batch:
                self.stdout.write(f"{done}/{total} articles, {seconds:.0f} s")

        try:
            report = generate_demo(articles=articles, seed=seed, batch=batch, progress=progress)
        except RuntimeError as error:
            raise CommandError(str(error)) from error
        for line in report.lines():
            self.stdout.write(line)
