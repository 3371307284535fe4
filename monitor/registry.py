"""The known cases in the database: import with a report of changes, export, and reading
back the cases (with analysts' aliases and judgements) that matching needs.

Re-importing an edited list updates each case in place; its timeline, matches and the
aliases analysts confirmed are kept. A case missing from the new list is not deleted:
it is marked inactive (and reported), so nothing about it is lost; a list that would
leave no active case listed is refused unless it is meant to replace the whole list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from monitor.db import models as db
from monitor.model import Case, Judgement, KnownEvent

FIELDS = ("name", "country", "born", "gender", "occupation", "charges")


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    updated: dict[str, list[str]] = field(default_factory=dict)
    unchanged: list[str] = field(default_factory=list)
    deactivated: list[str] = field(default_factory=list)
    events_added: int = 0

    def lines(self) -> list[str]:
        out = [
            f"{len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.deactivated)} no longer listed, "
            f"{self.events_added} known events added"
        ]
        out += [f"  + {case_id}" for case_id in self.added]
        out += [f"  ~ {case_id}: {', '.join(names)}" for case_id, names in self.updated.items()]
        out += [f"  - {case_id} (kept, marked inactive)" for case_id in self.deactivated]
        return out


def _apply(row: db.Case, case: Case) -> list[str]:
    changed = []
    for name in FIELDS:
        value = getattr(case, name)
        if name == "charges":
            value = list(value)
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed.append(name)
    if row.imported_facility != case.facility:
        row.imported_facility = row.facility = case.facility
        changed.append("facility")
    if row.imported_status != case.status:
        row.imported_status = case.status
        changed.append("status")
        if case.status:
            row.status = case.status
    if not row.active:
        row.active = True
        changed.append("active")
    imported = {a.alias for a in row.aliases if a.origin == "imported"}
    wanted = set(case.aliases)
    if imported != wanted:
        changed.append("aliases")
        row.aliases = [a for a in row.aliases if a.origin != "imported" or a.alias in wanted]
        have = {a.alias for a in row.aliases}
        row.aliases += [
            db.CaseAlias(alias=alias, origin="imported")
            for alias in case.aliases
            if alias not in have
        ]
    return changed


def _add_known_events(session: Session, row: db.Case, case: Case) -> int:
    have = {(d.type, d.date) for d in row.developments}
    added = 0
    for event in case.events:
        if (event.type, event.date) in have:
            continue
        session.add(
            db.Development(
                case_id=row.id,
                type=event.type,
                date=event.date,
                origin="imported",
                summary=event.source,
            )
        )
        have.add((event.type, event.date))
        added += 1
    return added


class ImportRefused(ValueError):
    """An import that would mark every active case inactive (an empty file, the wrong
    file): refused unless the caller says the file replaces the whole list."""


def import_cases(
    session: Session,
    cases: Sequence[Case],
    *,
    deactivate_missing: bool = True,
    replace: bool = False,
) -> ImportReport:
    report = ImportReport()
    rows = {
        row.id: row
        for row in session.scalars(
            select(db.Case)
            .options(selectinload(db.Case.aliases), selectinload(db.Case.developments))
            .execution_options(populate_existing=True)
        )
    }
    active = {case_id for case_id, row in rows.items() if row.active}
    if deactivate_missing and not replace and active and not active & {c.id for c in cases}:
        raise ImportRefused(
            f"the file lists none of the {len(active)} active cases, so importing it would "
            "mark every one inactive; check the file, or pass --replace if it replaces "
            "the whole list"
        )
    for case in cases:
        row = rows.get(case.id)
        if row is None:
            row = db.Case(id=case.id, name=case.name, status=case.status or "unknown", aliases=[])
            session.add(row)
            _apply(row, case)
            session.flush()
            report.added.append(case.id)
        else:
            changed = _apply(row, case)
            if changed:
                report.updated[case.id] = changed
            else:
                report.unchanged.append(case.id)
        report.events_added += _add_known_events(session, row, case)
    if deactivate_missing:
        listed = {case.id for case in cases}
        for case_id, row in rows.items():
            if case_id not in listed and row.active:
                row.active = False
                report.deactivated.append(case_id)
    session.flush()
    return report


def case_from_row(row: db.Case, *, origins: Sequence[str] = ("imported", "analyst")) -> Case:
    return Case(
        id=row.id,
        name=row.name,
        aliases=[a.alias for a in row.aliases if a.origin in origins],
        country=row.country,
        born=row.born,
        gender=row.gender,
        occupation=row.occupation,
        charges=list(row.charges or []),
        facility=row.facility,
        status=row.status,
        events=[
            KnownEvent(type=d.type, date=d.date) for d in row.developments if d.status == "active"
        ],
    )


def load_cases(session: Session, *, active_only: bool = True) -> list[Case]:
    """The cases matching runs against, with analyst-confirmed aliases included."""
    query = select(db.Case).options(
        selectinload(db.Case.aliases), selectinload(db.Case.developments)
    )
    if active_only:
        query = query.where(db.Case.active.is_(True))
    return [case_from_row(row) for row in session.scalars(query.order_by(db.Case.id))]


def export_cases(session: Session) -> list[Case]:
    """Cases as imported (no analyst aliases), for writing back to a list file."""
    query = select(db.Case).options(
        selectinload(db.Case.aliases), selectinload(db.Case.developments)
    )
    return [
        case_from_row(row, origins=("imported",))
        for row in session.scalars(query.order_by(db.Case.id))
    ]


def load_judgements(session: Session) -> list[Judgement]:
    rows = session.scalars(select(db.ReviewJudgement).order_by(db.ReviewJudgement.id))
    return [
        Judgement(case_id=r.case_id, name=r.name, verdict=r.verdict, context=r.context)  # type: ignore[arg-type]
        for r in rows
    ]
