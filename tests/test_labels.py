"""Codes read as words through one table; dates at the precision the text gave."""

from __future__ import annotations

import datetime as dt

from monitor.labels import human_date, label, readable
from monitor.model import CASE_STATUSES, CHARGE_CODES, EVENT_TYPES


def test_every_event_type_charge_and_status_has_words_of_its_own() -> None:
    for kind, codes in (
        ("events", EVENT_TYPES),
        ("charges", CHARGE_CODES),
        ("statuses", CASE_STATUSES),
    ):
        for code in codes:
            words = label(kind, code)
            assert words and "_" not in words, (kind, code)


def test_labels_say_what_a_code_means() -> None:
    assert label("charges", "drug_trafficking") == "drug trafficking"
    assert label("events", "ill_treatment") == "ill-treatment in custody"
    assert label("statuses", "house_arrest") == "under house arrest"


def test_an_unknown_code_reads_as_itself_with_spaces() -> None:
    assert label("events", "mass_protest") == "mass protest"


def test_codes_inside_a_reason_read_as_words() -> None:
    assert readable("charge in case: drug_trafficking, smuggling") == (
        "charge in case: drug trafficking, smuggling"
    )
    assert readable("known pretrial_detention date: 2025-01-02") == (
        "known pretrial detention date: 2025-01-02"
    )
    assert (
        readable("first name exact match Farid ~ Farid") == "first name exact match Farid ~ Farid"
    )


def test_dates_read_at_their_precision() -> None:
    assert human_date(dt.date(2026, 2, 3)) == "3 February 2026"
    assert human_date("2025-06-01", "month") == "June 2025"
    assert human_date(dt.date(2016, 1, 1), "year") == "2016"
    assert human_date(None) == ""
