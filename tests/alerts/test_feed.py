"""The Atom feed of alerts."""

from __future__ import annotations

import datetime as dt
from xml.etree import ElementTree as ET

from monitor.alerts.feed import ATOM, build_atom
from monitor.db import models as db

NS = {"a": ATOM}


def alert(ident: int, day: int, subject: str) -> db.Alert:
    return db.Alert(
        id=ident,
        key=f"dev:{ident}",
        type="arrest",
        severity="immediate",
        subject=subject,
        sentence="<script>alert(1)</script> Рамиль Сафарли задержан.",
        details={"match_id": 7},
        created_at=dt.datetime(2026, 1, day, tzinfo=dt.UTC),
    )


def test_the_feed_lists_alerts_newest_first_with_stable_ids() -> None:
    feed = ET.fromstring(
        build_atom([alert(1, 3, "Older"), alert(2, 5, "Newer")], base_url="https://monitor.example")
    )
    entries = feed.findall("a:entry", NS)
    assert [e.findtext("a:title", namespaces=NS) for e in entries] == ["Newer", "Older"]
    assert entries[0].findtext("a:id", namespaces=NS) == "tag:case-monitor,2026:alert:dev:2"
    assert feed.findtext("a:updated", namespaces=NS) == "2026-01-05T00:00:00+00:00"
    link = entries[0].find("a:link", NS)
    assert link is not None and link.get("href") == "https://monitor.example/review/match/7"


def test_article_text_is_escaped_and_cyrillic_kept() -> None:
    text = build_atom([alert(1, 3, "Сафарли: arrested")])
    assert "<script>" not in text
    assert "&lt;script&gt;" in text
    assert "Рамиль Сафарли" in text


def test_an_empty_feed_is_still_valid_atom() -> None:
    feed = ET.fromstring(build_atom([]))
    assert feed.tag == f"{{{ATOM}}}feed"
    assert feed.findall("a:entry", NS) == []
