"""Signed checkpoints: the College's signing key vouches for the audit chain's head.

Whoever can write the database can recompute an unkeyed hash chain, but cannot sign without the key's
passphrase (OS keyring), PIN or token. `college_key` is the one place the trail reaches that key and its
certificate; verification trusts only the certificate it returns, never one stored in the database.
"""

import base64
import functools
import hashlib
import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import Encoding, pkcs12

from app.errors import ValidationError
from app.i18n import translate

if TYPE_CHECKING:
    from app.desk import Desk

log = logging.getLogger(__name__)
CHECKPOINT_FORMAT = "cpc-desk audit checkpoint 1"


@dataclass(frozen=True)
class CollegeKey:
    """The key that signs certificates (and checkpoints), and its certificate (DER).

    `private_key` is a `cryptography` private key (EC or RSA); a key on a token would hand a signing
    function instead, which is why signing goes through `sign()` and nothing else reads the key.
    """

    certificate_der: bytes
    private_key: Any = field(default=None, repr=False)  # None: can verify, cannot sign (or a token's)
    demo: bool = False
    # a key on a PKCS#11 token never leaves it: the desk's Signer signs through the token's session
    token_signer: Any = field(default=None, repr=False)

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(self.certificate_der).hexdigest()

    def sign(self, message: bytes) -> bytes:
        """ECDSA-SHA256 for an EC key, PKCS#1 v1.5 SHA-256 for RSA (what `signature_holds` checks)."""
        if self.token_signer is not None:
            # lazy: only a desk whose key is on a token signs through pyHanko's PKCS#11 signer
            import asyncio

            raw = self.token_signer.pyhanko_signer().async_sign_raw(message, "sha256")
            return bytes(asyncio.run(raw))
        private = self.private_key
        if isinstance(private, ec.EllipticCurvePrivateKey):
            return private.sign(message, ec.ECDSA(hashes.SHA256()))
        if isinstance(private, rsa.RSAPrivateKey):
            return private.sign(message, padding.PKCS1v15(), hashes.SHA256())
        raise ValidationError(
            "signing.pkcs12_path", translate("Audit", "the signing key is neither RSA nor EC")
        )


# (path, mtime_ns, size) -> loaded key; the passphrase decrypts a PKCS#12 once per process.
_keys: dict[tuple[str, int, int], CollegeKey] = {}


def college_key(desk: "Desk") -> CollegeKey:
    """The College's signing key and certificate, as the desk's signer has them.

    The ONE door from the audit trail to the key: when the signing key moves (a trust store pinned
    outside the database, a PKCS#11 token), only this function changes.
    """
    # lazy: the signer brings the certificate layout (reportlab); only a writing or verifying desk needs it
    from app.document.signing import load_signer_unregistered

    # Unregistered: this runs while the trail's own write transaction is open (recording the certificate
    # is the issuing path's job, in a transaction of its own).
    signer = load_signer_unregistered(desk, timestamp=False)
    if signer.uses_token:
        return CollegeKey(signer.certificate_der, None, signer.demo, token_signer=signer)
    path = Path(signer.pkcs12_path)
    st = path.stat()
    cache_key = (str(path), st.st_mtime_ns, st.st_size)
    found = _keys.get(cache_key)
    if found is None:
        key, certificate, _chain = pkcs12.load_key_and_certificates(path.read_bytes(), signer.passphrase)
        if key is None or certificate is None:
            raise ValidationError(
                "signing.pkcs12_path",
                translate("Audit", "{0} holds no signing key and certificate").format(path),
            )
        found = CollegeKey(certificate.public_bytes(Encoding.DER), key, signer.demo)
        _keys[cache_key] = found
    return found


def checkpoint_message(event_id: int, event_hash: str, signed_at: datetime) -> bytes:
    return f"{CHECKPOINT_FORMAT}\n{event_id}\n{event_hash}\n{signed_at.isoformat()}".encode()


def sign_checkpoint(key: CollegeKey, event_id: int, event_hash: str, signed_at: datetime) -> str:
    signature = key.sign(checkpoint_message(event_id, event_hash, signed_at))
    return base64.b64encode(signature).decode("ascii")


@functools.lru_cache(maxsize=8)
def _public_key(certificate_der: bytes) -> Any:
    # verify checks every checkpoint against the same certificate or two: parse each once
    return x509.load_der_x509_certificate(certificate_der).public_key()


def signature_holds(
    certificate_der: bytes, event_id: int, event_hash: str, signed_at: datetime, signature: str
) -> bool:
    """True when `signature` is the certificate's key's signature of this checkpoint."""
    try:
        raw = base64.b64decode(signature.encode("ascii"), validate=True)
        public = _public_key(certificate_der)
        message = checkpoint_message(event_id, event_hash, signed_at)
        if isinstance(public, ec.EllipticCurvePublicKey):
            public.verify(raw, message, ec.ECDSA(hashes.SHA256()))
        elif isinstance(public, rsa.RSAPublicKey):
            public.verify(raw, message, padding.PKCS1v15(), hashes.SHA256())
        else:
            return False
    except (InvalidSignature, ValueError):
        return False
    return True
