"""pytest plugin: SMTP servers on 127.0.0.1 (plain, STARTTLS, implicit TLS, AUTH, silent) as fixtures.

Loaded from tests/conftest.py with `pytest_plugins`. TLS uses a trustme CA made once per session; a
server's `configure(settings)` points a desk at it and trusts that CA through `smtp.ca_file`.
"""

import ssl
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import trustme

from tests.smtp_servers import SilentServer, SmtpServer

MakeServer = Callable[..., SmtpServer]


@pytest.fixture(scope="session")
def tls_ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="session")
def tls_ca_file(tls_ca: trustme.CA, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tls") / "test-ca.pem"
    tls_ca.cert_pem.write_to_path(str(path))
    return path


@pytest.fixture(scope="session")
def tls_server_context(tls_ca: trustme.CA) -> ssl.SSLContext:
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls_ca.issue_cert("127.0.0.1", "localhost").configure_cert(ctx)
    return ctx


@pytest.fixture
def smtp_server(tls_server_context: ssl.SSLContext, tls_ca_file: Path) -> Iterator[MakeServer]:
    """Factory: smtp_server("plain" | "starttls" | "tls", username=..., password=...) -> started server."""
    started: list[SmtpServer] = []

    def make(mode: str = "plain", *, username: str = "", password: str = "") -> SmtpServer:
        server = SmtpServer(
            mode,
            server_context=tls_server_context if mode != "plain" else None,
            ca_file=tls_ca_file,
            username=username,
            password=password,
        ).start()
        started.append(server)
        return server

    yield make
    for server in started:
        server.stop()


@pytest.fixture
def plain_smtp(smtp_server: MakeServer) -> SmtpServer:
    return smtp_server("plain")


@pytest.fixture
def silent_smtp() -> Iterator[SilentServer]:
    server = SilentServer()
    yield server
    server.close()


# --- certificates with their email queued, the way the issuing service does it --------------------

_tiny_pdf: list[bytes] = []


def tiny_pdf() -> bytes:
    """A small real PDF (reportlab), made once: enough for mail tests that do not check the certificate."""
    if not _tiny_pdf:
        import io

        from reportlab.pdfgen import canvas

        buf = io.BytesIO()
        page = canvas.Canvas(buf)
        page.drawString(72, 720, "Certificate of Professional Conduct (test)")
        page.save()
        _tiny_pdf.append(buf.getvalue())
    return _tiny_pdf[0]


def queue_certificate_email(
    desk: Any,
    *,
    email: str = "credentials@tgh.example.org",
    institution: str = "Toronto General Hospital",
    pdf: bytes | None = None,
    **member: Any,
) -> tuple[int, int]:
    """Member, request, certificate with its PDF and its queued email, in one issuing transaction.

    Returns (certificate id, outbox message id).
    """
    from datetime import date, timedelta

    from app.mail.outbox import enqueue_certificate_email
    from app.store.models import Certificate, CertificateDocument
    from app.store.numbering import allocate_certificate_number, new_verification_code
    from tests.factories import make_member, make_request

    pdf = pdf if pdf is not None else tiny_pdf()
    with desk.db.write() as session:
        m = make_member(session, **member)
        request = make_request(session, m, recipients=[{"email": email, "name": institution}])
        today = date.today()
        cert = Certificate(
            number=allocate_certificate_number(session, today.year),
            recipient=request.recipients[0],
            issue_seq=0,
            issued_by="clerk.test",
            issue_date=today,
            valid_until=today + timedelta(days=90),
            verification_code=new_verification_code(),
        )
        cert.document = CertificateDocument(pdf=pdf)
        session.add(cert)
        row = enqueue_certificate_email(session, desk.settings, cert, pdf, desk.actor)
        return cert.id, row.id


@pytest.fixture
def queue_email() -> Callable[..., tuple[int, int]]:
    """queue_email(desk, email=..., institution=..., **member fields) -> (certificate id, outbox id)."""
    return queue_certificate_email
