"""The verification address as the desk uses it: a certificate's link (the one in its QR code) and the
check that the address answers with the College's verification page (Settings' "Test")."""

import urllib.error
import urllib.request
from urllib.parse import urlencode, urlsplit

from sqlalchemy import select

from app.access.permissions import Actor, Permission
from app.desk import Desk
from app.errors import NotFound, ValidationError
from app.i18n import translate
from app.store.models import Certificate

SETTING = "verification.url"
# What only the verification page (app.web) carries: its number field with this placeholder.
PAGE_MARK = b'placeholder="CPC-2026-000003"'


def verification_link(base: str, number: str, code: str) -> str:
    """The URL a certificate's QR code and email carry: the address with the number and code filled in."""
    query = urlencode({"number": number, "code": code})
    return f"{base}{'&' if '?' in base else '?'}{query}"


def certificate_link(desk: Desk, actor: Actor, certificate_id: int) -> str:
    """The verification page of one issued certificate (to open it in the system browser)."""
    actor.require(Permission.SEARCH)
    with desk.db.read() as session:
        row = session.execute(
            select(Certificate.number, Certificate.verification_code).where(Certificate.id == certificate_id)
        ).one_or_none()
    if row is None:
        raise NotFound(translate("Document", "Certificate {0} does not exist").format(certificate_id))
    return verification_link(str(desk.settings.get(SETTING)), row.number, row.verification_code)


def check_verification_address(url: str, timeout: float = 5.0) -> str:
    """Fetch the address (no number or code: the page's start) and say in one sentence whether the
    College's verification page answers there. Raises ValidationError(verification.url, …) otherwise."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValidationError(SETTING, translate("Document", "must be an http:// or https:// address"))
    start = f"{parts.scheme}://{parts.netloc}{parts.path or '/'}"
    request = urllib.request.Request(start, headers={"Accept": "text/html"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) only, above
            body = response.read(256 * 1024)
            status = response.status
    except urllib.error.HTTPError as exc:
        raise ValidationError(
            SETTING, translate("Document", "{0} answered {1} {2}").format(start, exc.code, exc.reason)
        ) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise ValidationError(
            SETTING, translate("Document", "{0} cannot be reached ({1})").format(start, reason)
        ) from None
    if status != 200 or PAGE_MARK not in body:
        raise ValidationError(
            SETTING,
            translate("Document", "{0} answers, but not with the certificate verification page").format(
                start
            ),
        )
    return f"The verification page answers at {start}."
