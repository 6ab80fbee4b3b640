"""A SoftHSMv2 token for the tests: its own token folder (SOFTHSM2_CONF), a key and certificate imported.

PKCS#11 modules read their configuration once per process (C_Initialize), so the whole test run shares
one SOFTHSM2_CONF, made in a temporary folder before the module is first loaded; each test makes its own
token in it (a fresh label), so tests do not see each other's keys.
"""

import os
import shutil
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

MODULE_CANDIDATES = (
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/local/lib/softhsm/libsofthsm2.so",
)
PIN = "246813"
SO_PIN = "97531864"


def softhsm_module() -> str | None:
    if shutil.which("softhsm2-util") is None:
        return None
    return next((m for m in MODULE_CANDIDATES if Path(m).is_file()), None)


def configure_softhsm(folder: Path) -> None:
    """Point SoftHSM at a token folder of our own (before the module is first loaded)."""
    tokens = folder / "tokens"
    tokens.mkdir(parents=True, exist_ok=True)
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n")
    os.environ["SOFTHSM2_CONF"] = str(conf)


_IMPORT_CERTIFICATE = """
import sys
from pathlib import Path

import pkcs11
from pkcs11.util.x509 import decode_x509_certificate

module, label, key_label, pin, cert_file = sys.argv[1:]
with pkcs11.lib(module).get_token(token_label=label).open(rw=True, user_pin=pin) as session:
    attrs = decode_x509_certificate(Path(cert_file).read_bytes())
    attrs[pkcs11.Attribute.TOKEN] = True
    attrs[pkcs11.Attribute.LABEL] = key_label
    attrs[pkcs11.Attribute.ID] = b"\\x01"
    session.create_object(attrs)
"""


@dataclass(frozen=True)
class Token:
    module: str
    label: str
    key_label: str
    pin: str
    certificate: x509.Certificate


def make_token(module: str, work: Path, cert_for: "object", *, key_label: str = "college-signing") -> Token:
    """A fresh token holding an RSA 2048 key and the certificate `cert_for(key)` returns for it."""

    label = f"cpc-{uuid.uuid4().hex[:8]}"
    subprocess.run(
        ["softhsm2-util", "--init-token", "--free", "--label", label, "--pin", PIN, "--so-pin", SO_PIN],
        check=True,
        capture_output=True,
    )
    key = rsa.generate_private_key(65537, 2048)
    cert: x509.Certificate = cert_for(key)  # type: ignore[operator]
    key_file = work / f"{label}.key.pem"
    key_file.write_bytes(key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()))
    try:
        subprocess.run(
            [
                "softhsm2-util",
                "--import",
                str(key_file),
                "--token",
                label,
                "--label",
                key_label,
                "--id",
                "01",
                "--pin",
                PIN,
            ],
            check=True,
            capture_output=True,
        )
    finally:
        key_file.unlink()
    cert_file = work / f"{label}.crt.der"
    cert_file.write_bytes(cert.public_bytes(Encoding.DER))
    subprocess.run(
        [sys.executable, "-c", _IMPORT_CERTIFICATE, module, label, key_label, PIN, str(cert_file)],
        check=True,
        capture_output=True,
    )
    return Token(module, label, key_label, PIN, cert)
