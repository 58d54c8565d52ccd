"""The archive as a Django fixture that loads into any database.

Dump with natural keys, leaving out the history tables:

    .venv/bin/python manage.py dumpdata archive --natural-foreign --natural-primary \\
        --exclude archive.HistoricalAgreement --exclude archive.HistoricalMeeting \\
        --exclude archive.HistoricalOrganization --exclude archive.HistoricalPerson \\
        --exclude archive.MergeRecord --exclude archive.DuplicateDecision --exclude archive.ReviewDecision \\
        --exclude archive.TrainedConfidenceModel --indent 2 --output archive.json

and load with `manage.py loaddata archive.json`.

- The fixture holds no database ids: every record is named by its natural key
  (Article: content hash; Person, Organization, Meeting, Agreement: uid;
  Country: ISO code; Sector: name; the rest: their parent's key plus their own
  fields, see each model's docstring), so it loads into an empty database or
  one that already holds the same records without duplicates; loading it twice
  changes nothing, and dumping the loaded archive gives the same file.
- The curation log (`MergeRecord`, `DuplicateDecision`, `ReviewDecision`) is left out too: it names
  records by database id, so it holds only in the database it was made in.
- Trained confidence models (`TrainedConfidenceModel`) are left out: learned from one archive's
  decisions, they are retrained where the fixture is loaded (`manage.py train_confidence`);
  each record's stored features are in the fixture.
- The simple-history tables (`Historical*`) are left out: they have no natural
  key, and a fixture is a state, not a history. loaddata writes no history rows.
- `reviewed_by` is written as the curator's username. Those accounts are not in
  the fixture (passwords do not belong in one): create them before loading a
  fixture that names them, or loaddata stops with "User matching query does not exist".
- Countries are in the fixture too; the migration that loads them is not needed
  for the fixture to load, and loading matches them by code.
"""

from __future__ import annotations

from django.apps import apps

HISTORY_MODELS = ("HistoricalAgreement", "HistoricalMeeting", "HistoricalOrganization", "HistoricalPerson")
# Curators' merge and conversion logs (for undo) and duplicate verdicts name records by database id: they belong to
# one database, like the history. A merge's result is in the fixture all the same (`merged_into`).
CURATION_MODELS = ("MergeRecord", "DuplicateDecision", "ReviewDecision", "ConversionRecord", "TrainedConfidenceModel")


def dumpdata_options() -> tuple[list[str], dict]:
    """Arguments for `call_command("dumpdata", *args, **options)`: the command above."""
    return ["archive"], {
        "use_natural_foreign_keys": True,
        "use_natural_primary_keys": True,
        "exclude": [f"archive.{name}" for name in (*HISTORY_MODELS, *CURATION_MODELS)],
    }


def fixture_models() -> list:
    """The archive's models that a fixture holds: all but the history tables and the curation log."""
    return [m for m in apps.get_app_config("archive").get_models()
            if m.__name__ not in (*HISTORY_MODELS, *CURATION_MODELS)]
