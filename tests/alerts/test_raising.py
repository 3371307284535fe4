"""Raising alerts: subjects that say who and what, severities from the configuration."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.alerts.config import load_alert_config
from monitor.alerts.raising import clean_subject, event_phrase

CONFIG = load_alert_config({})


def test_the_phrase_says_what_the_court_decided_and_which_court() -> None:
    sentence = "The Supreme Court rejected the appeal of Mohyaddin Orujov against his sentence."
    assert event_phrase("appeal", sentence, CONFIG) == "appeal rejected by the Supreme Court"


def test_russian_sentences_are_phrased_too() -> None:
    sentence = "Верховный суд Азербайджана отклонил жалобу активиста Мохйаддина Оруджева."
    assert event_phrase("appeal", sentence, CONFIG) == "appeal rejected by the Supreme Court"


def test_a_term_of_years_goes_into_the_sentence_phrase() -> None:
    assert event_phrase("sentence", "The court gave her nine years? No: 9 years.", CONFIG) == (
        "sentenced to 9 years"
    )
    assert event_phrase("sentence", "Суд приговорил его к 8 годам колонии.", CONFIG) == (
        "sentenced to 8 years"
    )
    assert event_phrase("sentence", "Активист получил 10 лет колонии.", CONFIG) == (
        "sentenced to 10 years"
    )


def test_the_term_given_to_the_person_beats_the_first_of_the_sentence() -> None:
    sentence = "Ali got seven years and Mohyaddin Orujov nine years and six months."
    phrase = event_phrase("sentence", sentence, CONFIG, term="9 years 6 months")
    assert phrase == "sentenced to 9 years 6 months"


def test_a_verdict_without_a_term_is_plainly_a_sentence() -> None:
    assert event_phrase("sentence", "The court found him guilty.", CONFIG) == "sentenced"


def test_a_type_without_refinement_uses_its_plain_phrase() -> None:
    assert event_phrase("transfer", "He was moved to another prison.", CONFIG) == (
        "transferred to another facility"
    )


def test_severities_come_from_the_packaged_configuration() -> None:
    assert CONFIG.severity_of("arrest") == "immediate"
    assert CONFIG.severity_of("death") == "immediate"
    assert CONFIG.severity_of("trial") == "digest"


def test_an_environment_variable_overrides_one_severity() -> None:
    config = load_alert_config({"MONITOR_ALERT_SEVERITY_TRIAL": "immediate"})
    assert config.severity_of("trial") == "immediate"
    assert config.severity_of("appeal") == "digest"


def test_a_user_file_overrides_the_packaged_values(tmp_path: Path) -> None:
    user = tmp_path / "alerts.yaml"
    user.write_text("severity:\n  arrest: digest\ntimeline:\n  window_days: 10\n", encoding="utf-8")
    config = load_alert_config({"MONITOR_ALERTS_FILE": str(user)})
    assert config.severity_of("arrest") == "digest"
    assert config.severity_of("death") == "immediate"
    assert config.window_days == 10


def test_an_unknown_severity_is_refused() -> None:
    with pytest.raises(ValueError, match="immediate or digest"):
        load_alert_config({"MONITOR_ALERT_SEVERITY_ARREST": "loud"})


def test_backoff_doubles_up_to_its_ceiling() -> None:
    assert [CONFIG.backoff(n) for n in (1, 2, 3)] == [60, 120, 240]
    assert CONFIG.backoff(30) == CONFIG.max_backoff_seconds


def test_subjects_lose_line_breaks() -> None:
    assert clean_subject("A\r\nBcc: x@example.org") == "A Bcc: x@example.org"
