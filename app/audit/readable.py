"""An audit event's before and after, as staff read them: "status: awaiting_review → issued; reason: …"
instead of two blobs of JSON. The stored JSON (and the CSV export) are unchanged; this is only how the
Audit Trail screen shows them."""

import json
from typing import Any

ARROW = "→"


def _load(text: str) -> Any:
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def _plain(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return value or "(empty)"
    if isinstance(value, list):
        return ", ".join(_plain(v) for v in value) or "(none)"
    if isinstance(value, dict):
        return ", ".join(f"{k} {_plain(v)}" for k, v in value.items()) or "(none)"
    return str(value)


def readable_change(before_json: str, after_json: str) -> str:
    """One line per field, "; "-joined: "field: old → new" for a changed field, "field: value" for one
    only set, "field: old → (removed)" for one dropped. Fields that did not change are left out when
    something else did."""
    before, after = _load(before_json), _load(after_json)
    if before is None and isinstance(after, dict):
        before = {}
    if after is None and isinstance(before, dict):
        after = {}
    if not isinstance(before, dict) or not isinstance(after, dict):
        if before is None and after is None:
            return ""
        if before is None:
            return _plain(after)
        if after is None:
            return f"{_plain(before)} {ARROW} (removed)"
        return f"{_plain(before)} {ARROW} {_plain(after)}"
    parts: list[str] = []
    for key in [*before, *(k for k in after if k not in before)]:
        if key in before and key in after:
            if before[key] != after[key]:
                parts.append(f"{key}: {_plain(before[key])} {ARROW} {_plain(after[key])}")
        elif key in after:
            parts.append(f"{key}: {_plain(after[key])}")
        else:
            parts.append(f"{key}: {_plain(before[key])} {ARROW} (removed)")
    return "; ".join(parts) or "(no change)"
