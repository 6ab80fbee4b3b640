"""What the wizard's pages have filled in so far: each page writes its own part, none reads another's
widgets, and Submit turns it into the one app/ RequestDraft that submit_request files."""

import uuid
from dataclasses import dataclass, field

from app.issuing.requests import MemberSummary, RequestDraft
from app.register.recipients import RecipientInput
from app.store.models import ConsentMethod


@dataclass
class RequestForm:
    member: MemberSummary | None = None
    recipients: list[RecipientInput] = field(default_factory=list)
    consent_given: bool = False
    consent_method: ConsentMethod | None = None
    consent_statement: str = ""
    notes: str = ""
    # One key per wizard: a Submit repeated after a lost reply files nothing twice.
    idempotency_key: str = field(default_factory=lambda: uuid.uuid4().hex)

    def choose_member(self, member: MemberSummary | None) -> None:
        """Set the member; consent is the member's, so a different member has not given it."""
        if (member and member.id) != (self.member and self.member.id):
            self.consent_given = False
            self.consent_method = None
        self.member = member

    def to_draft(self) -> RequestDraft:
        if self.member is None:
            raise ValueError("the request has no member yet")
        return RequestDraft(
            member_id=self.member.id,
            recipients=tuple(self.recipients),
            consent_given=self.consent_given,
            consent_method=self.consent_method,
            consent_statement=self.consent_statement,
            notes=self.notes,
            idempotency_key=self.idempotency_key,
        )
