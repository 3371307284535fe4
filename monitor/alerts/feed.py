"""An Atom feed of alerts (the CLI writes it to ``var/alerts.atom``).

Entry ids are tag URIs built from the alert key, so a feed reader never shows the same
alert twice however often the feed is rewritten; a correction is an entry of its own
(category ``correction``) whose summary says what was withdrawn and why. Text goes
through ElementTree, which escapes it: article text is untrusted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from xml.etree import ElementTree as ET

from monitor.db import models as db

ATOM = "http://www.w3.org/2005/Atom"


def _stamp(value: dt.datetime | None) -> str:
    return (value or dt.datetime(1970, 1, 1, tzinfo=dt.UTC)).astimezone(dt.UTC).isoformat()


def build_atom(
    alerts: Sequence[db.Alert],
    *,
    base_url: str = "http://127.0.0.1:8080",
    title: str = "Case monitor alerts",
) -> str:
    """The feed of ``alerts``, newest first."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    base = base_url.rstrip("/")
    ordered = sorted(alerts, key=lambda a: (a.created_at or dt.datetime.min, a.id), reverse=True)
    ET.SubElement(feed, f"{{{ATOM}}}id").text = f"{base}/alerts.atom"
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(
        ordered[0].created_at if ordered else None
    )
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=f"{base}/alerts.atom")
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = "Case monitor"
    for alert in ordered:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"tag:case-monitor,2026:alert:{alert.key}"
        ET.SubElement(entry, f"{{{ATOM}}}title").text = alert.subject
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(alert.created_at)
        details = alert.details or {}
        if alert.kind == "correction":
            ET.SubElement(entry, f"{{{ATOM}}}category", term="correction", label="correction")
            summary = ET.SubElement(entry, f"{{{ATOM}}}summary", type="text")
            summary.text = f"Withdrawn: {details.get('reason') or 'retracted by an analyst'}."
            continue
        ET.SubElement(entry, f"{{{ATOM}}}category", term=alert.type, label=alert.severity)
        match_id = details.get("match_id")
        if match_id:
            ET.SubElement(entry, f"{{{ATOM}}}link", href=f"{base}/review/match/{match_id}")
        summary = ET.SubElement(entry, f"{{{ATOM}}}summary", type="text")
        summary.text = alert.sentence or alert.subject
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"
