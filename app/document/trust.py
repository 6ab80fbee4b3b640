"""The signing certificates this desk trusts: every one it has signed with, kept as PEM in the data
folder so certificates signed before a key change still verify. Only certificates go here, never keys.

Below both signing (which adds the certificate of each key it loads) and verification (which checks
against the list).
"""

import base64
from typing import TYPE_CHECKING

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

if TYPE_CHECKING:  # app.desk brings SQLAlchemy, which the signing worker processes need not load
    from app.desk import Desk

TRUSTED_CERTS_FILE = "signing-certificates.pem"


def _pem(der: bytes) -> str:
    body = base64.encodebytes(der).decode("ascii").replace("\n", "")
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return "-----BEGIN CERTIFICATE-----\n" + "\n".join(lines) + "\n-----END CERTIFICATE-----\n"


def known_signing_certificates(desk: "Desk") -> list[bytes]:
    """DER of every signing certificate on the desk's trusted list, oldest first."""
    path = desk.folder("signing") / TRUSTED_CERTS_FILE
    if not path.exists():
        return []
    return [c.public_bytes(Encoding.DER) for c in x509.load_pem_x509_certificates(path.read_bytes())]


def remember_signing_certificate(desk: "Desk", der: bytes) -> None:
    """Add a signing certificate to the trusted list (once)."""
    if der not in known_signing_certificates(desk):
        with (desk.folder("signing") / TRUSTED_CERTS_FILE).open("a", encoding="ascii") as fh:
            fh.write(_pem(der))
