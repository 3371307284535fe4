#!/usr/bin/env python3
"""Write one part of the real-text corpus as a set folder that eval/run can score.

    eval/subset.py SPLIT OUT_DIR        # SPLIT: tune, holdout or all

OUT_DIR receives `articles/` (links to the texts of that split that are present),
`gold.yaml` (their gold) and `cases.yaml` (a link to the corpus's cases). Texts missing
from eval/real/articles/ are listed on standard error and left out.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import yaml

REAL = Path(__file__).resolve().parent / "real"


def main(split: str, out: Path) -> int:
    with (REAL / "manifest.csv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if split == "all" or r["split"] == split]
    if not rows:
        print(f"no articles in split {split!r}", file=sys.stderr)
        return 2
    (out / "articles").mkdir(parents=True, exist_ok=True)
    present = []
    for row in rows:
        text = REAL / "articles" / row["file"]
        if text.exists():
            (out / "articles" / row["file"]).symlink_to(text)
            present.append(row["file"])
        else:
            print(
                f"missing text: {row['file']} (gather it as eval/real/README.md says)",
                file=sys.stderr,
            )
    wanted = set(present)
    gold = yaml.safe_load((REAL / "gold.yaml").read_text(encoding="utf-8"))
    kept = [g for g in gold if g["file"] in wanted]
    (out / "gold.yaml").write_text(yaml.safe_dump(kept, allow_unicode=True), encoding="utf-8")
    (out / "cases.yaml").symlink_to(REAL / "cases.yaml")
    print(f"{split}: {len(present)} of {len(rows)} articles", file=sys.stderr)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("tune", "holdout", "all"):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], Path(sys.argv[2])))
