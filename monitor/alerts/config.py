"""The alert configuration: ``monitor/data/alerts.yaml``, a user file over it, then env.

``MONITOR_ALERTS_FILE`` names a YAML file of the same shape whose keys replace the
packaged ones (mappings are merged key by key); ``MONITOR_ALERT_SEVERITY_<TYPE>`` sets
one type's severity and ``MONITOR_ALERT_WEBHOOKS`` (comma-separated URLs) the webhooks.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from monitor.datafiles import load_data

SEVERITIES = ("immediate", "digest")


@dataclass(frozen=True)
class Refinement:
    pattern: re.Pattern[str]
    phrase: str


@dataclass(frozen=True)
class AlertConfig:
    window_days: int = 30
    lead_only: bool = True
    lead_paragraphs: int = 1
    case_lead: bool = True
    near_duplicate_ratio: float = 88.0
    supersedes: Mapping[str, frozenset[str]] = field(default_factory=dict)
    severity: Mapping[str, str] = field(default_factory=dict)
    default_severity: str = "digest"
    status_after: Mapping[str, str] = field(default_factory=dict)
    facility_after: Mapping[str, str] = field(default_factory=dict)
    phrases: Mapping[str, str] = field(default_factory=dict)
    refinements: Mapping[str, tuple[Refinement, ...]] = field(default_factory=dict)
    courts: tuple[Refinement, ...] = ()
    backoff_seconds: float = 60.0
    max_backoff_seconds: float = 21600.0
    max_attempts: int = 12
    sending_lease_seconds: float = 600.0
    webhooks: tuple[str, ...] = ()

    def severity_of(self, event_type: str) -> str:
        return self.severity.get(event_type, self.default_severity)

    def backoff(self, attempts: int) -> float:
        """Seconds to wait after the ``attempts``-th failed attempt."""
        delay = self.backoff_seconds * 2 ** max(attempts - 1, 0)
        return float(min(delay, self.max_backoff_seconds))


def _merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _refinements(entries: Any) -> tuple[Refinement, ...]:
    return tuple(
        Refinement(re.compile(str(e["pattern"])), str(e.get("phrase") or e.get("name")))
        for e in entries or []
    )


def _facility_rules(entries: Any) -> dict[str, str]:
    rules = {str(k): str(v) for k, v in (entries or {}).items()}
    for event_type, rule in rules.items():
        if rule not in ("named", "none"):
            raise ValueError(f"alerts: facility_after of {event_type} must be named or none")
    return rules


def from_mapping(data: Mapping[str, Any]) -> AlertConfig:
    timeline = data.get("timeline") or {}
    delivery = data.get("delivery") or {}
    severity = {str(k): str(v) for k, v in (data.get("severity") or {}).items()}
    default = str(data.get("default_severity", "digest"))
    for event_type, value in [*severity.items(), ("default", default)]:
        if value not in SEVERITIES:
            raise ValueError(f"alerts: severity of {event_type} must be immediate or digest")
    return AlertConfig(
        window_days=int(timeline.get("window_days", 30)),
        lead_only=bool(timeline.get("lead_only", True)),
        lead_paragraphs=int(timeline.get("lead_paragraphs", 1)),
        case_lead=bool(timeline.get("case_lead", True)),
        near_duplicate_ratio=float(timeline.get("near_duplicate_ratio", 88)),
        supersedes={
            str(k): frozenset(str(t) for t in v or [])
            for k, v in (timeline.get("supersedes") or {}).items()
        },
        severity=severity,
        default_severity=default,
        status_after={str(k): str(v) for k, v in (data.get("status_after") or {}).items()},
        facility_after=_facility_rules(data.get("facility_after")),
        phrases={str(k): str(v) for k, v in (data.get("phrases") or {}).items()},
        refinements={str(k): _refinements(v) for k, v in (data.get("refinements") or {}).items()},
        courts=_refinements(data.get("courts")),
        backoff_seconds=float(delivery.get("backoff_seconds", 60)),
        max_backoff_seconds=float(delivery.get("max_backoff_seconds", 21600)),
        max_attempts=int(delivery.get("max_attempts", 12)),
        sending_lease_seconds=float(delivery.get("sending_lease_seconds", 600)),
        webhooks=tuple(str(u) for u in delivery.get("webhooks") or []),
    )


def load_alert_config(environ: Mapping[str, str] | None = None) -> AlertConfig:
    """The packaged configuration, with the user file and environment applied."""
    env = os.environ if environ is None else environ
    data: dict[str, Any] = _merge({}, load_data("alerts.yaml"))
    user_file = env.get("MONITOR_ALERTS_FILE")
    if user_file:
        loaded = yaml.safe_load(Path(user_file).expanduser().read_text(encoding="utf-8"))
        data = _merge(data, loaded or {})
    prefix = "MONITOR_ALERT_SEVERITY_"
    for key, value in env.items():
        if key.startswith(prefix):
            severity = dict(data.get("severity") or {})
            severity[key[len(prefix) :].lower()] = value.strip().lower()
            data["severity"] = severity
    if env.get("MONITOR_ALERT_WEBHOOKS"):
        delivery = dict(data.get("delivery") or {})
        delivery["webhooks"] = [u.strip() for u in env["MONITOR_ALERT_WEBHOOKS"].split(",")]
        data["delivery"] = delivery
    return from_mapping(data)
