"""JSON webhooks: each case alert POSTed to the URLs in the alert configuration.

The body carries the delivery's idempotency key, also sent as the ``Idempotency-Key``
header: webhooks are delivered at least once, and receivers drop repeats by that key.
A correction (``"kind": "correction"``) names the alert it withdraws in ``corrects``
and says why in ``reason``.
"""

from __future__ import annotations

import json
import urllib.request
from typing import Any

from monitor.db import models as db


def alert_payload(alert: db.Alert, key: str) -> dict[str, Any]:
    details = dict(alert.details or {})
    return {
        "idempotency_key": key,
        "alert": alert.key,
        "kind": alert.kind,
        "case_id": alert.case_id,
        "case_name": details.get("case_name"),
        "type": alert.type,
        "severity": alert.severity,
        "date": details.get("date"),
        "date_precision": details.get("date_precision", "day"),
        "published": details.get("published"),
        "subject": alert.subject,
        "sentence": alert.sentence,
        "confidence": alert.confidence,
        "explanation": details.get("explanation", []),
        "co_reported": details.get("co_reported", []),
        "created_at": alert.created_at.isoformat() if alert.created_at else None,
        **{k: details[k] for k in ("corrects", "reason") if k in details},
    }


def post_json(url: str, payload: dict[str, Any], *, key: str, timeout: float = 30.0) -> str:
    """POST ``payload``; returns the HTTP status as text, raises on anything but 2xx."""
    if not url.startswith(("http://", "https://")):
        raise ValueError(f"webhook URL must be http or https: {url!r}")
    request = urllib.request.Request(
        url,
        data=json.dumps(payload, ensure_ascii=False).encode("utf-8"),
        headers={"Content-Type": "application/json; charset=utf-8", "Idempotency-Key": key},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return str(response.status)
