"""Finding cases by name as an analyst types it, in any script and case ending.

"Гасымов", "Qasimov" and "gasim" all find Tural Gasimov: each word typed is compared by
its phonetic key (:func:`monitor.names.translit.word_key`, the key matching uses)
with the start of the keys of the words of the case's name and aliases; the id and
plain substrings of names and aliases count too. Exact substrings rank first.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from monitor.db import models as db
from monitor.names.translit import tokens, word_key


def _score(case: db.Case, query: str, typed: list[str]) -> int:
    """2 for an exact substring of the id, name or an alias; 1 when every word typed
    starts a word of them by its key; 0 otherwise."""
    spellings = [case.name, *(a.alias for a in case.aliases)]
    lowered = query.casefold()
    if lowered in case.id or any(lowered in s.casefold() for s in spellings):
        return 2
    keys = {word_key(w) for s in spellings for w in tokens(s)}
    wanted = [word_key(w) for w in typed]
    if wanted and all(any(k.startswith(w) for k in keys) for w in wanted if w):
        return 1
    return 0


def find_cases(
    session: Session, query: str, *, limit: int = 20, active_only: bool = False
) -> list[db.Case]:
    """The cases whose name, alias or id the query names, best first, then by name."""
    query = " ".join(query.split())
    statement = select(db.Case).options(selectinload(db.Case.aliases)).order_by(db.Case.name)
    if active_only:
        statement = statement.where(db.Case.active.is_(True))
    if not query:
        return list(session.scalars(statement.limit(limit)))
    typed = [w for w in tokens(query) if len(w) > 1]
    scored = [(_score(case, query, typed), case) for case in session.scalars(statement)]
    ranked = sorted((s for s in scored if s[0] > 0), key=lambda s: -s[0])  # stable: by name
    return [case for _, case in ranked[:limit]]
