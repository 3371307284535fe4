"""Loading the project's data files (outlets, charges, facilities, event rules...)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def load_data(name: str) -> Any:
    """Parse ``monitor/data/<name>`` once per process; the result must not be mutated."""
    path = DATA_DIR / name
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)
