"""The issuing rules a registrar's policy decides: when a request waits for review."""

from typing import Any, Protocol


class ReviewedMember(Protocol):
    @property
    def status(self) -> Any: ...
    @property
    def terms_conditions(self) -> str: ...
    @property
    def discipline(self) -> str: ...
    @property
    def pending_investigations(self) -> str: ...


def review_reasons(member: ReviewedMember) -> list[str]:
    """Why this member cannot be issued a certificate automatically (empty: issue at once)."""
    reasons = []
    status = str(getattr(member.status, "value", member.status))
    if status != "active":
        reasons.append(f"registration status is {status}")
    if member.terms_conditions.strip():
        reasons.append("has terms, conditions or limitations")
    if member.discipline.strip():
        reasons.append("has discipline findings")
    if member.pending_investigations.strip():
        reasons.append("has a pending investigation")
    return reasons
