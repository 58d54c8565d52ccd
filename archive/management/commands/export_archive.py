"""python manage.py export_archive [-o FILE]: the whole archive as "archive-export/1" JSON."""

import json
import sys

from django.core.management.base import BaseCommand

from archive.export import export_archive


class Command(BaseCommand):
    help = 'Write the archive as JSON in the "archive-export/1" format (rejected records left out).'

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", help="File to write (default: standard output).")

    def handle(self, *args, output, **options):
        data = export_archive()
        if output:
            with open(output, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False, indent=1)
            counts = ", ".join(f"{len(data[k])} {k}" for k in data if k != "format")
            self.stdout.write(f"Wrote {output}: {counts}")
        else:
            json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
