#!/usr/bin/env python3
"""Train the shipped confidence model from the development set's gold, and say how well it does.

    .venv/bin/python scripts/train_default_confidence.py ../shared/eval/score.py \\
        ../shared/eval/dev ../shared/eval/gold/dev [--write] [--select-inside-folds]

Ingests the texts into a throwaway SQLite archive (as `scripts/score` does), exports it,
labels every record right or wrong against the gold with the scorer's own matching
(`archive.extraction.scoring.gold_labels`), and reports per record type the AUC and the
expected calibration error (10 bins) of a 5-fold cross-validation grouped by file, each
training part choosing its own regularization (nested). `--select-inside-folds` also
measures a procedure that picks its features by forward selection inside each training
part (slow: minutes). `--write` then fits on all records and writes
`archive/extraction/scoring/default_model.json`.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("eval_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def start_django(database: Path) -> None:
    os.environ.update(DEBUG="true", SECRET_KEY="training-only-not-secret", DATABASE_URL=f"sqlite:///{database}",
                      DJANGO_SETTINGS_MODULE="config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def labelled(texts: Path, gold: Path, score) -> tuple[dict, dict]:
    """{type: Examples} of every record of a fresh archive of `texts`, and {type: matched labels}."""
    from django.core.management import call_command

    from archive.curation.confidence import MODELS
    from archive.export import export_archive
    from archive.extraction.scoring.gold_labels import record_labels
    from archive.extraction.scoring.training import Examples
    from archive.ingest import ingest_paths

    call_command("migrate", verbosity=0)
    ingest_paths([texts])
    labels = record_labels(export_archive(), gold, score)
    examples, matched = {}, {}
    for kind, model in MODELS.items():
        features = dict(model.objects.values_list("id", "features"))
        rows = [(features[i], right, source, found) for i, (right, found, source) in sorted(labels[kind].items())
                if features.get(i)]
        examples[kind] = Examples([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows])
        matched[kind] = [r[3] for r in rows]
    return examples, matched


def shown(auc: float | None) -> str:
    return "n/a" if auc is None else f"{auc:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("score", type=Path, help="the evaluation's score.py")
    parser.add_argument("texts", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--write", action="store_true", help="write the fitted model as the shipped default")
    parser.add_argument("--select-inside-folds", dest="select", action="store_true",
                        help="also measure features chosen by forward selection inside each training part (slow)")
    args = parser.parse_args()
    score = load_scorer(args.score)
    with tempfile.TemporaryDirectory() as folder:
        start_django(Path(folder) / "archive.sqlite3")
        from archive.extraction.scoring import training
        from archive.extraction.scoring.model import DEFAULT_MODEL_PATH

        import numpy as np

        examples, matched = labelled(args.texts, args.gold, score)
        metrics, types = {}, {}
        print("5-fold cross-validation grouped by file, regularization chosen inside each training part;"
              " right = matched with its key fields right, found = matched by score.py (fields aside);"
              " before = the evidence's own confidence; selected = features also chosen inside each training part")
        print(f"{'type':<14}{'records':>8}{'wrong':>7}{'AUC':>7}{'ECE':>7}{'before':>8}"
              f"{'spurious':>10}{'AUC found':>11}{'before':>8}" + (f"{'selected AUC':>14}{'ECE':>7}" if args.select else ""))
        for kind, rows in examples.items():
            y, p = training.out_of_fold(kind, rows)
            metrics[kind] = training.figures(y, p)
            metrics[kind]["found"] = training.figures(np.array(matched[kind]), p)
            evidence = np.array([row["cue_best"] for row in rows.features])  # what the confidence was before
            before = training.figures(y, evidence)["auc"], training.figures(np.array(matched[kind]), evidence)["auc"]
            types[kind] = training.fit_examples(kind, rows)
            m, f = metrics[kind], metrics[kind]["found"]
            line = (f"{kind:<14}{m['records']:>8}{m['wrong']:>7}{shown(m['auc']):>7}{m['ece']:>7.3f}"
                    f"{shown(before[0]):>8}{f['wrong']:>10}{shown(f['auc']):>11}{shown(before[1]):>8}")
            if args.select:
                metrics[kind]["selected"] = training.figures(*training.selected_out_of_fold(rows))
                line += f"{shown(metrics[kind]['selected']['auc']):>14}{metrics[kind]['selected']['ece']:>7.3f}"
            print(line, flush=True)
        if args.write:
            model = {"source": f"gold of {args.texts.name} ({args.gold}), by {Path(__file__).name}",
                     "metrics": metrics, "types": types}
            DEFAULT_MODEL_PATH.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
            print(f"wrote {DEFAULT_MODEL_PATH.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
