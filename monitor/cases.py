"""Reading and writing known-case lists (YAML as the analysis contract defines, or CSV).

A list comes from people, so errors name the entry and the field at fault, and nothing
about a case is guessed: a field that is not given stays empty.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import yaml

from monitor.model import CASE_STATUSES, CHARGE_CODES, EVENT_TYPES, Case, KnownEvent

CASE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
LIST_SPLIT = re.compile(r"\s*[;|]\s*")


class CaseFileError(ValueError):
    """A cases file that cannot be read; the message says where and why."""


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _date(value: object, where: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for pattern in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise CaseFileError(f"{where}: date {text!r} is not a real date (YYYY-MM-DD)")


def _strings(value: object, where: str) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [part for part in LIST_SPLIT.split(value.strip()) if part]
    if isinstance(value, list):
        return [str(item).strip() for item in value if str(item).strip()]
    raise CaseFileError(f"{where}: expected a list, got {type(value).__name__}")


def case_from_mapping(entry: Mapping[str, Any], where: str) -> Case:
    """Validate one entry of a cases file and turn it into a :class:`Case`."""
    case_id = _text(entry.get("id"))
    name = _text(entry.get("name"))
    if not case_id:
        raise CaseFileError(f"{where}: 'id' is required")
    if not CASE_ID.match(case_id):
        raise CaseFileError(f"{where}: id {case_id!r} must be lowercase letters, digits and '-'")
    where = f"{where} ({case_id})"
    if not name:
        raise CaseFileError(f"{where}: 'name' is required")
    charges = _strings(entry.get("charges"), f"{where} charges")
    unknown = [c for c in charges if c not in CHARGE_CODES]
    if unknown:
        raise CaseFileError(f"{where}: unknown charge codes {unknown}; see the contract's list")
    status = _text(entry.get("status"))
    if status and status not in CASE_STATUSES:
        raise CaseFileError(f"{where}: status {status!r} is not one of {', '.join(CASE_STATUSES)}")
    gender = _text(entry.get("gender"))
    if gender:
        gender = gender.lower()[:1]
        if gender not in {"m", "f"}:
            raise CaseFileError(f"{where}: gender must be m or f")
    born_raw = entry.get("born")
    try:
        born = int(born_raw) if born_raw not in (None, "") else None
    except (TypeError, ValueError):
        raise CaseFileError(f"{where}: born {born_raw!r} is not a year") from None
    events: list[KnownEvent] = []
    raw_events = entry.get("events") or []
    if not isinstance(raw_events, list):
        raise CaseFileError(f"{where}: events must be a list")
    for index, raw in enumerate(raw_events):
        if not isinstance(raw, Mapping) or raw.get("type") not in EVENT_TYPES:
            raise CaseFileError(f"{where}: event {index + 1} needs a type from the contract's list")
        events.append(
            KnownEvent(
                type=str(raw["type"]),
                date=_date(raw.get("date"), f"{where} event {index + 1}"),
                source=_text(raw.get("source")),
            )
        )
    country = _text(entry.get("country"))
    return Case(
        id=case_id,
        name=name,
        aliases=_strings(entry.get("aliases"), f"{where} aliases"),
        country=country.upper() if country else None,
        born=born,
        gender=gender,
        occupation=_text(entry.get("occupation")),
        charges=charges,
        facility=_text(entry.get("facility")),
        status=status,
        events=events,
    )


def _check_unique(cases: Sequence[Case]) -> None:
    seen: set[str] = set()
    for case in cases:
        if case.id in seen:
            raise CaseFileError(f"case id {case.id!r} appears twice")
        seen.add(case.id)


class CaseLoader(yaml.SafeLoader):
    """YAML as people write case lists: dates stay text until :func:`_date` reads them
    (an impossible date is an error about its entry, not a crash), and aliases (``*x``)
    are refused, since a few of them can expand into billions of nodes."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in a cases file", event.start_mark
            )
        return super().compose_node(parent, index)


CaseLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _yaml_problem(error: yaml.YAMLError) -> str:
    """Where and what, on one line: " at line 2, column 9: expected ',' or ']'"."""
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
    return f"{where}: {problem}"


def parse_yaml(text: str, source: str = "cases file") -> list[Case]:
    try:
        loaded = yaml.load(text, Loader=CaseLoader)  # a SafeLoader
    except yaml.YAMLError as error:
        raise CaseFileError(f"{source}: not valid YAML{_yaml_problem(error)}") from None
    if isinstance(loaded, Mapping):
        if "cases" not in loaded:
            raise CaseFileError(f"{source}: a mapping needs a 'cases:' key holding the list")
        loaded = loaded["cases"]
    if loaded is None:
        return []
    if not isinstance(loaded, list):
        raise CaseFileError(f"{source}: expected a list of cases or a 'cases:' key holding one")
    cases = []
    for index, entry in enumerate(loaded):
        if not isinstance(entry, Mapping):
            raise CaseFileError(f"{source}: entry {index + 1} is not a mapping")
        cases.append(case_from_mapping(entry, f"{source}: entry {index + 1}"))
    _check_unique(cases)
    return cases


def parse_csv(text: str, source: str = "cases file") -> list[Case]:
    """CSV with a header row; list fields (aliases, charges) are separated by ';' or '|'."""
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "id" not in reader.fieldnames or "name" not in reader.fieldnames:
        raise CaseFileError(f"{source}: the header row must name at least 'id' and 'name'")
    cases = []
    for index, row in enumerate(reader):
        entry: dict[str, Any] = {k.strip(): v for k, v in row.items() if k}
        if "events" in entry:
            entry["events"] = _csv_events(entry["events"], f"{source}: row {index + 2}")
        cases.append(case_from_mapping(entry, f"{source}: row {index + 2}"))
    _check_unique(cases)
    return cases


def _csv_events(value: str | None, where: str) -> list[dict[str, str]]:
    """Events in a CSV cell: ``2023-12-15 arrest; 2025-02-25 sentence``."""
    events = []
    for item in _strings(value, where):
        parts = item.split()
        if len(parts) != 2:
            raise CaseFileError(f"{where}: event {item!r} should read 'YYYY-MM-DD type'")
        events.append({"date": parts[0], "type": parts[1]})
    return events


def load_cases(path: Path) -> list[Case]:
    """Read a cases file, YAML or CSV by its extension."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CaseFileError(f"{path}: cannot read: {error}") from None
    if path.suffix.lower() == ".csv":
        return parse_csv(text, str(path))
    return parse_yaml(text, str(path))


def case_to_mapping(case: Case) -> dict[str, Any]:
    """The contract's YAML form of a case, empty fields left out."""
    data = asdict(case)
    data["events"] = [
        {k: v for k, v in {"date": e.date, "type": e.type, "source": e.source}.items() if v}
        for e in case.events
    ]
    return {k: v for k, v in data.items() if v not in (None, [], "")}


def dump_yaml(cases: Iterable[Case]) -> str:
    return yaml.safe_dump(
        [case_to_mapping(c) for c in cases], allow_unicode=True, sort_keys=False, width=100
    )
