"""`monitor alerts simulate`, with a stand-in for the NLP stages."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from monitor.alerts.simulate import simulate
from monitor.analysis import Analysis
from monitor.model import Article, Case, EventMention, Extraction, KnownEvent, Match, PersonMention

NAMES = {"Ramil Safarli": "safarli-ramil", "Рамиль Сафарли": "safarli-ramil"}
EVENTS = {"arrested": "arrest", "задержан": "arrest", "sentenced": "sentence"}


class KeywordAnalyzer:
    """Finds known names and event words sentence by sentence: enough to replay articles."""

    def analyze(self, article: Article) -> Analysis:
        text = article.text
        people: list[PersonMention] = []
        matches: list[Match] = []
        events: list[EventMention] = []
        background = article.background_ranges()
        for found in re.finditer(r"[^.\n]+[.]?", text):
            sentence = found.group()
            for name, case_id in NAMES.items():
                if name not in sentence:
                    continue
                start = found.start() + sentence.index(name)
                people.append(
                    PersonMention(name=name, normalized=name, spans=[(start, start + len(name))])
                )
                matches.append(Match(case_id=case_id, confidence=0.95, decision="match"))
                for word, event_type in EVENTS.items():
                    if word in sentence:
                        events.append(
                            EventMention(
                                type=event_type,
                                sentence=sentence.strip(),
                                start=found.start(),
                                end=found.end(),
                                person=len(people) - 1,
                                background=any(a <= found.start() < b for a, b in background),
                            )
                        )
        extraction = Extraction(
            language=article.language or "en", relevant=bool(people), people=people, events=events
        )
        return Analysis(article, extraction, matches)


def write(folder: Path, name: str, date: str | None, title: str, *body: str) -> None:
    header = f"DATE: {date}\n" if date else ""
    (folder / name).write_text(
        f"{header}LANG: en\n\n{title}\n" + "\n".join(body) + "\n", encoding="utf-8"
    )


CASES = [
    Case(
        id="safarli-ramil",
        name="Ramil Safarli",
        events=[KnownEvent(type="sentence", date=dt.date(2025, 12, 1))],
    )
]


def run(folder: Path) -> list[dict[str, Any]]:
    return list(simulate(CASES, [folder], analyzer=KeywordAnalyzer()))


def test_one_development_from_two_outlets_is_one_alert_with_a_final_update(tmp_path: Path) -> None:
    write(tmp_path, "1_ru.txt", "2026-01-12", "Блогер задержан", "Рамиль Сафарли задержан в Баку.")
    write(
        tmp_path, "2_en.txt", "2026-01-10", "Blogger held", "Police arrested Ramil Safarli in Baku."
    )

    lines = run(tmp_path)

    assert lines == [
        {
            "case_id": "safarli-ramil",
            "type": "arrest",
            "date": "2026-01-10",
            "severity": "immediate",
            "sources": ["2_en.txt"],
            "sentence": "Police arrested Ramil Safarli in Baku.",
        },
        {
            "case_id": "safarli-ramil",
            "type": "arrest",
            "date": "2026-01-10",
            "severity": "immediate",
            "sources": ["2_en.txt", "1_ru.txt"],
            "sentence": "Police arrested Ramil Safarli in Baku.",
            "update": True,
        },
    ]


def test_a_known_development_raises_no_alert(tmp_path: Path) -> None:
    write(
        tmp_path,
        "a.txt",
        "2025-12-03",
        "Verdict",
        "The court sentenced Ramil Safarli to six years.",
    )
    assert run(tmp_path) == []


def test_background_paragraphs_raise_no_alert(tmp_path: Path) -> None:
    write(
        tmp_path,
        "a.txt",
        "2026-01-10",
        "Picket outside the court",
        "Relatives of prisoners held a picket on Monday.",
        "As reported earlier, police arrested Ramil Safarli in Baku.",
    )
    assert run(tmp_path) == []


def test_undated_articles_come_last_and_alerts_come_in_date_order(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", None, "Blogger held", "Police arrested Ramil Safarli again.")
    write(tmp_path, "b.txt", "2026-03-01", "Blogger held", "Police arrested Ramil Safarli in Baku.")
    write(tmp_path, "c.txt", "2026-01-05", "Blogger held", "Police arrested Ramil Safarli at home.")

    lines = [line for line in run(tmp_path) if not line.get("update")]

    assert [(line["date"], line["sources"]) for line in lines] == [
        ("2026-01-05", ["c.txt"]),
        ("2026-03-01", ["b.txt"]),
    ]


def test_the_replay_is_deterministic(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "2026-01-10", "Blogger held", "Police arrested Ramil Safarli in Baku.")
    assert run(tmp_path) == run(tmp_path)
