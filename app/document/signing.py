"""The issuing body's digital signature on certificate PDFs (PAdES, via pyHanko).

The signing key lives in a PKCS#11 token (an HSM, smart card or USB key: settings signing.pkcs11_*,
its PIN asked at sign-in and held for the session only) or in a PKCS#12 file (signing.pkcs12_path, its
passphrase in the keyring or held for the session). With neither configured (the demo) a demo CA and a
demo EC P-256 signing key are made on first use under the data folder's signing/ folder.

Before a key signs, its certificate is checked fit (app.document.trust.unfit_reason) and recorded in the
register with its chain, so every desk trusts it. With signing.tsa_url set, each signature carries an
RFC 3161 timestamp and the validation data to check it after the key expires (PAdES B-LT).

pyHanko costs about 0.3 s and 40 MB to import, so it is imported by the first signature, never at
module import or to check the key. A Signer pickles as its configuration only (paths, labels, the
passphrase or PIN); each process loads the key itself once and keeps it in a per-process cache.
"""

import hashlib
import io
import os
import tempfile
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from app.document.certificates import CertificateContent, with_signing_fingerprint
from app.document.member_documents import draw_document
from app.document.trust import (
    TSA_ROOT_SETTING,
    check_fit,
    configured_root,
    configured_tsa_roots,
    register_signing_certificate,
)
from app.errors import CpcDeskError, ValidationError
from app.i18n import translate

if TYPE_CHECKING:  # app.desk brings SQLAlchemy, which the signing worker processes need not load
    from app.desk import Desk

DEMO_FILE = "demo-signing.p12"
SIGNATURE_FIELD = "CPCSignature"
PKCS12_SETTING = "signing.pkcs12_path"
PKCS11_MODULE_SETTING = "signing.pkcs11_module"
PKCS11_TOKEN_SETTING = "signing.pkcs11_token"
PKCS11_KEY_SETTING = "signing.pkcs11_key"
TSA_SETTING = "signing.tsa_url"
TSA_TIMEOUT_SECONDS = 20

# configuration key -> loaded pyHanko signer; one per process, filled on first use.
_loaded: dict[tuple[Any, ...], Any] = {}
# (path, mtime_ns, size) -> (the signing certificate, its chain), DER, read with `cryptography` alone.
_certificates: dict[tuple[Any, ...], tuple[bytes, tuple[bytes, ...]]] = {}


class WrongPassphrase(ValidationError):
    """The PKCS#12 key file does not open with the passphrase given (or with none): the desk asks for it.
    A class rather than words, so the check holds in every language."""


class TimestampError(CpcDeskError):
    """The time-stamping authority gave no timestamp: the certificate was not signed (the issuing
    transaction rolls back; a batch completes the certificate when it is run again)."""


@dataclass(frozen=True)
class Signer:
    """How to sign: a PKCS#12 file and its passphrase, or a PKCS#11 token, key label and PIN; where to
    get a timestamp; the roots that validate the chain. Cheap to pickle; the key loads on first use.

    Checking a PKCS#12 file and reading its certificate need only `cryptography`; pyHanko (about 40 MB
    and 0.3 s to import) is loaded by the first signature, so a process that never signs never loads it.
    """

    pkcs12_path: str = ""
    passphrase: bytes | None = field(default=None, repr=False)
    demo: bool = False
    reason: str = "Certificate of Professional Conduct issued from the register"
    location: str = ""
    pkcs11_module: str = ""
    pkcs11_token: str = ""
    pkcs11_key: str = ""
    pin: str | None = field(default=None, repr=False)
    tsa_url: str = ""
    # DER of the College root and of the TSAs' roots: pyHanko validates the chains against them when
    # it embeds the validation data (B-LT).
    trust_roots: tuple[bytes, ...] = ()
    # SHA-256 (hex) of the signing certificate, known once load_signer has checked it
    certificate_sha256: str = ""

    @property
    def uses_token(self) -> bool:
        return bool(self.pkcs11_module)

    @property
    def timestamped(self) -> bool:
        return bool(self.tsa_url)

    def without_timestamp(self) -> "Signer":
        from dataclasses import replace

        return replace(self, tsa_url="")

    def _key(self) -> tuple[Any, ...]:
        if self.uses_token:
            # the PIN's hash in the key: a session opened with one PIN is never handed to another
            pin = hashlib.sha256((self.pin or "").encode("utf-8")).hexdigest()
            return ("pkcs11", self.pkcs11_module, self.pkcs11_token, self.pkcs11_key, pin)
        try:
            st = os.stat(self.pkcs12_path)
        except OSError:
            raise ValidationError(
                PKCS12_SETTING,
                translate("Document", "the signing key file {0} cannot be found").format(self.pkcs12_path),
            ) from None
        return (self.pkcs12_path, st.st_mtime_ns, st.st_size)

    def pyhanko_signer(self) -> Any:
        """The loaded pyHanko signer (loaded once per process)."""
        key = self._key()
        signer = _loaded.get(key)
        if signer is None:
            if self.uses_token:
                signer = _load_pkcs11_signer(self)
            else:
                self.check()
                signer = _load_pyhanko_signer(self.pkcs12_path, self.passphrase)
            _loaded[key] = signer
        return signer

    def check(self) -> bytes:
        """Open the key now (a clear message if it cannot be used); returns the certificate (DER)."""
        return self.certificate_and_chain()[0]

    def certificate_and_chain(self) -> tuple[bytes, tuple[bytes, ...]]:
        key = self._key()
        found = _certificates.get(key)
        if found is None:
            if self.uses_token:
                loaded = self.pyhanko_signer()
                found = (
                    bytes(loaded.signing_cert.dump()),
                    tuple(bytes(c.dump()) for c in loaded.cert_registry if c != loaded.signing_cert),
                )
            else:
                found = _pkcs12_certificate(self.pkcs12_path, self.passphrase)
            _certificates[key] = found
        return found

    @property
    def certificate_der(self) -> bytes:
        """The signing certificate, DER-encoded: what verification compares a signature's signer with."""
        return self.check()

    @property
    def fingerprint(self) -> str:
        return self.certificate_sha256 or hashlib.sha256(self.certificate_der).hexdigest()

    @property
    def subject(self) -> str:
        return x509.load_der_x509_certificate(self.certificate_der).subject.rfc4514_string()


def _passphrase_advice() -> str:
    """Where a passphrase or PIN can come from on this computer (never a command that would refuse)."""
    # lazy: keyring costs ~60 ms; worker processes import this module and get the secret pickled
    from app.access import secrets

    if secrets.status().secure:
        return translate(
            "Document", "store it with 'settings set-password signing', or give it with --pin-stdin"
        )
    return translate(
        "Document", "no OS keyring here: give it with --pin-stdin, or enter it at sign-in in the window"
    )


def _pkcs12_certificate(path: str, passphrase: bytes | None) -> tuple[bytes, tuple[bytes, ...]]:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ValidationError(
            PKCS12_SETTING, translate("Document", "cannot read {0} ({1})").format(path, exc.strerror)
        ) from None
    try:
        key, certificate, chain = pkcs12.load_key_and_certificates(data, passphrase)
    except ValueError:
        raise WrongPassphrase(
            PKCS12_SETTING,
            translate(
                "Document",
                "cannot open {0}: the passphrase is wrong or the file is not a PKCS#12 key file ({1})",
            ).format(path, _passphrase_advice()),
        ) from None
    if key is None or certificate is None:
        raise ValidationError(
            PKCS12_SETTING, translate("Document", "{0} holds no signing key and certificate").format(path)
        )
    return certificate.public_bytes(Encoding.DER), tuple(c.public_bytes(Encoding.DER) for c in chain)


# (module, token label) -> SHA-256 of the PIN that signed the token in, in this process
_signed_in: dict[tuple[str, str], str] = {}


def _load_pkcs11_signer(signer: Signer) -> Any:
    """Open a session on the token and find the key and its certificate by label."""
    # lazy: pyHanko and python-pkcs11 are needed only by a process that signs with a token
    from pyhanko.config.pkcs11 import TokenCriteria
    from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session

    if not signer.pin:
        raise ValidationError(
            "signing.pin",
            translate("Document", "the PIN of token {0!r} is needed ({1})").format(
                signer.pkcs11_token, _passphrase_advice()
            ),
        )
    if not Path(signer.pkcs11_module).is_file():
        raise ValidationError(
            PKCS11_MODULE_SETTING,
            translate("Document", "the PKCS#11 module {0} cannot be found").format(signer.pkcs11_module),
        )
    token_key = (signer.pkcs11_module, signer.pkcs11_token)
    pin_hash = hashlib.sha256(signer.pin.encode("utf-8")).hexdigest()
    criteria = TokenCriteria(label=signer.pkcs11_token)
    try:
        try:
            session = open_pkcs11_session(signer.pkcs11_module, token_criteria=criteria, user_pin=signer.pin)
        except Exception as exc:  # noqa: BLE001 - python-pkcs11 raises one class per return code
            # PKCS#11 keeps a token signed in for the whole process: a further session (another key
            # label) may open without signing in again, but only with the PIN that signed it in.
            if type(exc).__name__ != "UserAlreadyLoggedIn" or _signed_in.get(token_key) != pin_hash:
                raise
            session = open_pkcs11_session(signer.pkcs11_module, token_criteria=criteria)
    except Exception as exc:  # noqa: BLE001 - python-pkcs11 raises one class per PKCS#11 return code
        what = type(exc).__name__
        if what == "UserAlreadyLoggedIn":
            raise ValidationError(
                "signing.pin",
                translate(
                    "Document",
                    "token {0!r} is already signed in with another PIN in this "
                    "program; restart it to enter the PIN again",
                ).format(signer.pkcs11_token),
            ) from None
        if "Pin" in what:
            raise ValidationError(
                "signing.pin",
                translate("Document", "token {0!r} refused the PIN ({1})").format(signer.pkcs11_token, what),
            ) from None
        raise ValidationError(
            PKCS11_TOKEN_SETTING,
            translate("Document", "cannot open token {0!r} with {1} ({2})").format(
                signer.pkcs11_token, signer.pkcs11_module, what
            ),
        ) from None
    _signed_in[token_key] = pin_hash
    try:
        loaded = _token_signer_class(PKCS11Signer)(
            session, cert_label=signer.pkcs11_key, key_label=signer.pkcs11_key, other_certs_to_pull=None
        )
        loaded.signing_cert  # noqa: B018 - fetch now, so a wrong label is named here
    except Exception as exc:  # noqa: BLE001 - pyHanko raises several kinds for a missing object
        raise ValidationError(
            PKCS11_KEY_SETTING,
            translate("Document", "token {0!r} holds no key and certificate labelled {1!r} ({2})").format(
                signer.pkcs11_token, signer.pkcs11_key, type(exc).__name__
            ),
        ) from None
    loaded.signed_attr_prov_spec = _pades_signed_attributes(loaded.signing_cert)
    return loaded


def _token_signer_class(base: type) -> type:
    """pyHanko's PKCS11Signer, with the token's signature made on the signing thread itself.

    pyHanko hands each signature to a thread of the event loop's executor, and since every signature
    runs on an event loop of its own (asyncio.run), that is a new thread to start and another to shut
    the executor down, per certificate: on a busy machine they cost more than SoftHSM's RSA signature.
    The event loop has nothing else to do meanwhile, so the call may block it. One signature at a time
    per session (a lock): a PKCS#11 session carries one operation at a time.
    """

    class TokenSigner(base):  # type: ignore[misc, valid-type]
        _sign_lock = threading.Lock()

        async def async_sign_raw(self, data: bytes, digest_algorithm: str, dry_run: bool = False) -> bytes:
            if dry_run or not hasattr(self, "_select_pkcs11_signing_params"):
                return await super().async_sign_raw(data, digest_algorithm, dry_run)  # type: ignore[no-any-return]
            await self.ensure_objects_loaded()
            spec = self._select_pkcs11_signing_params(digest_algorithm, sign_kwargs=self.sign_kwargs(data))
            if spec.pre_sign_transform is not None:
                data = spec.pre_sign_transform(data)
            with self._sign_lock:
                signature = self._key_handle.sign(data, **spec.sign_kwargs)
            if spec.post_sign_transform is not None:
                signature = spec.post_sign_transform(signature)
            return signature  # type: ignore[no-any-return]

    return TokenSigner


def _load_pyhanko_signer(path: str, passphrase: bytes | None) -> Any:
    # lazy: pyHanko costs ~0.35 s and ~40 MB; only a process that signs loads it
    from pyhanko.sign import signers

    signer = signers.SimpleSigner.load_pkcs12(path, passphrase=passphrase)  # type: ignore[no-untyped-call]
    if signer is None:
        raise ValidationError(
            PKCS12_SETTING, translate("Document", "{0} holds no signing key and certificate").format(path)
        )
    signer.signed_attr_prov_spec = _pades_signed_attributes(signer.signing_cert)
    return signer


def _pades_signed_attributes(signing_cert: Any) -> Any:
    """pyHanko's signed attributes for a PAdES baseline B signature, with the constant one encoded once.

    Besides content-type and message-digest (which pyHanko always adds), PAdES B-B signs one attribute:
    signing-certificate-v2, which names our certificate by its hash, issuer and serial number. It is
    the same for every signature made with this key, yet pyHanko's default provider builds it anew
    from the parsed certificate each time, and asn1crypto then re-encodes the certificate's whole
    issuer name at every level of the signature: about 8 of the 12 ms a signature takes. This
    provider builds it once with pyHanko's own function and hands out a fresh, unparsed copy of its
    DER encoding for each signature (asn1crypto objects must not be shared between two trees). The
    signature is byte for byte what the default provider makes; a test holds them equal.
    """
    # lazy: pyHanko (with asn1crypto) costs ~0.35 s; only a process that signs loads it
    from asn1crypto import cms
    from pyhanko.sign.attributes import CMSAttributeProvider, SignedAttributeProviderSpec
    from pyhanko.sign.general import as_signing_certificate_v2, simple_cms_attribute

    value = as_signing_certificate_v2(signing_cert)
    encoded = simple_cms_attribute("signing_certificate_v2", value).dump()  # type: ignore[no-untyped-call]

    class SigningCertificateV2(CMSAttributeProvider):
        attribute_type = "signing_certificate_v2"

        async def get_attribute(self, dry_run: bool = False) -> Any:
            return cms.CMSAttribute.load(encoded)

    class PadesBaselineB(SignedAttributeProviderSpec):
        def signed_attr_providers(self, data_digest: bytes, digest_algorithm: str) -> Any:
            yield SigningCertificateV2()

    return PadesBaselineB()


def signing_common_name(issuer_name: str, suffix: str) -> str:
    """A certificate common name (at most 64 characters) from the issuer's name and a suffix, never
    cut mid-word: words of the name are dropped from the end, and the full name goes in the
    organisation field instead."""
    words = issuer_name.split()
    while words and len(" ".join([*words, suffix])) > 64:
        words.pop()
    return " ".join([*words, suffix]) if words else suffix[:64].rsplit(" ", 1)[0]


def _demo_name(issuer_name: str, suffix: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, signing_common_name(issuer_name, suffix)),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, issuer_name or "CPC Desk demo"),
        ]
    )


def _usage(*, sign_certs: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not sign_certs,
        content_commitment=not sign_certs,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=sign_certs,
        crl_sign=sign_certs,
        encipher_only=False,
        decipher_only=False,
    )


def _make_demo_pkcs12(path: Path, issuer_name: str) -> None:
    """A demo CA and an EC P-256 document-signing certificate it issues, valid ten years; the signing
    key and both certificates are saved unencrypted, the CA's key is thrown away.

    It is a demo key: anyone with the data folder can use it, which is why documents signed with it
    say DEMO. A real desk configures its own key and the College's root certificate.
    """
    now = datetime.now(UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _demo_name(issuer_name, "demo CA (DEMO)")
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=3660))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_usage(sign_certs=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_demo_name(issuer_name, "document signing (DEMO)"))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_usage(sign_certs=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    data = pkcs12.serialize_key_and_certificates(b"cpc-desk-demo", key, cert, [ca], NoEncryption())
    # Several threads or processes may start on a fresh data folder at once: each writes its own temp
    # file, and os.link (which fails if the name exists) lets exactly one key become the demo key.
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".demo-key-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass  # another process made the demo key first; use theirs
    finally:
        os.unlink(tmp)


# (database location, fingerprint) already in the register, so issuing writes it once per process.
_registered: set[tuple[str, str]] = set()


def load_signer_unregistered(desk: "Desk", *, timestamp: bool = True) -> Signer:
    """load_signer without recording the certificate in the register (the settings check)."""
    return load_signer(desk, timestamp=timestamp, register=False)


def load_signer(desk: "Desk", *, timestamp: bool = True, register: bool = True) -> Signer:
    """The desk's signer, checked fit to sign now and recorded in the register (with its chain).

    The key: a PKCS#11 token (signing.pkcs11_module), a PKCS#12 file (signing.pkcs12_path), or the demo
    key (made on first use). With `timestamp` and signing.tsa_url set, each signature gets a timestamp
    and its validation data. An unfit key is refused with a ValidationError naming why.
    """
    # lazy: keyring costs ~60 ms; worker processes import this module and get the secret pickled
    from dataclasses import replace

    from app.access import secrets

    settings = desk.settings
    tsa_url = str(settings.get(TSA_SETTING)).strip() if timestamp else ""
    tsa_roots = configured_tsa_roots(desk) if tsa_url else []
    if tsa_url and not tsa_roots:
        raise ValidationError(
            TSA_ROOT_SETTING,
            translate(
                "Document",
                "is needed with {0}: the root certificate of the time-stamping "
                "authority, so that its timestamps can be checked and their "
                "validation data embedded",
            ).format(TSA_SETTING),
        )
    root = configured_root(desk)
    module = str(settings.get(PKCS11_MODULE_SETTING)).strip()
    configured = str(settings.get(PKCS12_SETTING)).strip()
    if module:
        field_name = PKCS11_KEY_SETTING
        signer = Signer(
            pkcs11_module=module,
            pkcs11_token=str(settings.get(PKCS11_TOKEN_SETTING)).strip(),
            pkcs11_key=str(settings.get(PKCS11_KEY_SETTING)).strip(),
            pin=secrets.get_secret(secrets.SIGNING_PASSPHRASE_ENTRY),
        )
    elif configured:
        field_name = PKCS12_SETTING
        path = Path(configured).expanduser()
        if not path.is_file():
            raise ValidationError(
                PKCS12_SETTING, translate("Document", "the signing key file {0} cannot be found").format(path)
            )
        secret = secrets.get_secret(secrets.SIGNING_PASSPHRASE_ENTRY)
        signer = Signer(str(path), secret.encode("utf-8") if secret else None, demo=False)
    else:
        field_name = PKCS12_SETTING
        path = desk.folder("signing") / DEMO_FILE
        if not path.exists():
            _make_demo_pkcs12(path, str(settings.get("issuer.name")))
        signer = Signer(str(path), None, demo=True)
    root_der, chain_der, der = _checked(signer, field_name, root)
    if register:
        _register(desk, der, chain_der, demo=signer.demo)
    roots = (root_der, *(r.public_bytes(Encoding.DER) for r in tsa_roots))
    return replace(
        signer, tsa_url=tsa_url, trust_roots=roots, certificate_sha256=hashlib.sha256(der).hexdigest()
    )


def _checked(
    signer: Signer, field_name: str, root: x509.Certificate | None
) -> tuple[bytes, list[bytes], bytes]:
    """(root, chain up to and including the root, certificate), DER, once the key is found fit."""
    # fail now, with a clear message, rather than at the first certificate
    der, chain_der = signer.certificate_and_chain()
    cert = x509.load_der_x509_certificate(der)
    chain = [x509.load_der_x509_certificate(d) for d in chain_der]
    if signer.demo:
        # the demo trusts the demo CA it made (the last of the chain); a configured root wins
        root = root or (chain[-1] if chain else cert)
    check_fit(field_name, cert, chain, root)
    assert root is not None  # check_fit refuses a key with no root
    root_der = root.public_bytes(Encoding.DER)
    return root_der, [*[d for d in chain_der if d != root_der], root_der], der


def signing_key_problem(desk: "Desk") -> ValidationError | None:
    """Why the configured key may not sign (None when it may, or when its passphrase or PIN is not at
    hand yet: that is asked at sign-in and checked at issue time). For the settings screen and command."""
    try:
        load_signer_unregistered(desk)
    except ValidationError as exc:
        if exc.field == "signing.pin" or isinstance(exc, WrongPassphrase):
            return None
        return exc
    return None


def signing_secret_needed(desk: "Desk") -> str:
    """What the configured signing key needs and this session lacks, in words ("" when nothing): the
    PIN of its token, or the passphrase of its PKCS#12 file. The window asks for it at sign-in."""
    from app.access import secrets

    if secrets.get_secret(secrets.SIGNING_PASSPHRASE_ENTRY):
        return ""
    token = str(desk.settings.get(PKCS11_TOKEN_SETTING)).strip()
    if str(desk.settings.get(PKCS11_MODULE_SETTING)).strip():
        return translate("Document", "the PIN of the signing token {0!r}").format(token)
    configured = str(desk.settings.get(PKCS12_SETTING)).strip()
    if configured:
        try:
            _pkcs12_certificate(str(Path(configured).expanduser()), None)
        except ValidationError as exc:
            if isinstance(exc, WrongPassphrase):
                return translate("Document", "the passphrase of the signing key file {0}").format(configured)
    return ""


def hold_signing_secret(desk: "Desk", actor: Any, value: str) -> None:
    """Keep the signing key's PIN or passphrase in memory for this session (never written anywhere),
    once the key opens with it; a PIN the token refuses is forgotten and named."""
    from app.access import secrets
    from app.access.permissions import Permission

    actor.require(Permission.FILE_REQUEST)
    if not value or "\n" in value or "\x00" in value:
        raise ValidationError("signing.pin", translate("Document", "enter the PIN or passphrase on one line"))
    secrets.set_secret(secrets.SIGNING_PASSPHRASE_ENTRY, value, session_only=True)
    try:
        load_signer_unregistered(desk, timestamp=False)
    except ValidationError as exc:
        if exc.field == "signing.pin" or isinstance(exc, WrongPassphrase):
            secrets.forget_session_secret(secrets.SIGNING_PASSPHRASE_ENTRY)
            raise ValidationError("signing.pin", exc.message) from None
        raise


def _register(desk: "Desk", der: bytes, chain: list[bytes], *, demo: bool) -> None:
    key = (str(desk.db.location), hashlib.sha256(der).hexdigest())
    if key in _registered:
        return
    from sqlalchemy.exc import IntegrityError

    try:
        with desk.db.write() as session:
            register_signing_certificate(session, der, chain, demo=demo, added_by=desk.actor.username)
    except IntegrityError:
        pass  # another desk recorded the same certificate at the same moment (PostgreSQL); it is there
    _registered.add(key)


def sign_pdf(pdf: bytes, signer: Signer) -> bytes:
    """Sign `pdf` (PAdES, SHA-256) as an incremental update; returns the signed file. With the signer's
    TSA, the signature carries an RFC 3161 timestamp and the file its validation data (PAdES B-LT)."""
    return sign_pdf_with(
        pdf,
        signer.pyhanko_signer(),
        reason=signer.reason,
        location=signer.location,
        tsa_url=signer.tsa_url,
        trust_roots=signer.trust_roots,
    )


def sign_pdf_with(
    pdf: bytes,
    loaded: Any,
    *,
    reason: str,
    location: str = "",
    tsa_url: str = "",
    trust_roots: tuple[bytes, ...] = (),
) -> bytes:
    """Sign `pdf` with a loaded pyHanko signer: ours (`Signer.pyhanko_signer`), or, in the benchmarks,
    pyHanko's own `SimpleSigner` with its default attribute providers."""
    # lazy: pyHanko costs ~0.35 s and ~40 MB; the batch's issuing process imports this module and never signs
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    out = io.BytesIO()
    reserved = _reserved_bytes(loaded) + (8192 if tsa_url else 0)
    if tsa_url:
        _sign_timestamped(writer, out, loaded, reason, location, tsa_url, trust_roots, reserved)
        return out.getvalue()
    meta = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        location=location or None,
    )
    signers.sign_pdf(writer, meta, signer=loaded, output=out, bytes_reserved=reserved)
    return out.getvalue()


# How long the validation data gathered for a signer and its TSA is reused, at most (see _Prepared).
VALIDATION_DATA_MAX_AGE = timedelta(hours=1)


@dataclass
class _Prepared:
    """What every timestamped signature by one key with one TSA shares, gathered by the first: the
    TSA's client (it keeps a sample token, so pyHanko knows the TSA's certificate and the size of its
    tokens) and pyHanko's pre-signing validation (the signer's and the TSA's certificate paths checked
    against the trust roots, and the revocation information found for them), which becomes each
    signature's validation data (the DSS). Validating both paths and building the context each time
    cost more than the signature itself.

    Kept until `valid_until`: at most VALIDATION_DATA_MAX_AGE after it was gathered, and never past the
    expiry of a certificate in either path or the next update of any revocation information it holds;
    then (or when the key, the TSA or the trust roots change: they are the cache's key) it is gathered
    again, so a certificate that expired or was revoked meanwhile fails the signature as it would have
    at first."""

    timestamper: Any
    context: Any
    validation_info: Any = None
    valid_until: datetime = field(default_factory=lambda: datetime.now(UTC))


# (signing certificate's SHA-256, TSA URL, trust roots) -> what its timestamped signatures share
_prepared: dict[tuple[Any, ...], _Prepared] = {}


def _sign_timestamped(
    writer: Any,
    out: io.BytesIO,
    loaded: Any,
    reason: str,
    location: str,
    tsa_url: str,
    trust_roots: tuple[bytes, ...],
    reserved: int,
) -> None:
    """Sign with an RFC 3161 timestamp and the validation data in the signature's own revision
    (PAdES B-LT in one revision: no second pass over the signed file to append a DSS)."""
    import asyncio

    from asn1crypto import x509 as asn1_x509
    from pyhanko.sign import fields, signers
    from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes
    from pyhanko.sign.signers.pdf_signer import DSSContentSettings, SigDSSPlacementPreference
    from pyhanko_certvalidator import ValidationContext

    key = (hashlib.sha256(loaded.signing_cert.dump()).digest(), tsa_url, trust_roots)
    now = datetime.now(UTC)
    prepared = _prepared.get(key)
    if prepared is None or prepared.validation_info is None or prepared.valid_until <= now:
        roots = [asn1_x509.Certificate.load(d) for d in trust_roots]
        prepared = _Prepared(
            _url_timestamper(tsa_url), ValidationContext(trust_roots=roots, allow_fetching=False)
        )
    meta = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        location=location or None,
        embed_validation_info=True,
        validation_context=prepared.context,
        # the DSS goes in the signed revision itself; VRI entries (keyed by the signature's hash) cannot,
        # and PAdES baseline signatures do not need them
        dss_settings=DSSContentSettings(
            placement=SigDSSPlacementPreference.TOGETHER_WITH_SIGNATURE, include_vri=False
        ),
    )
    pdf_signer = signers.PdfSigner(meta, signer=loaded, timestamper=prepared.timestamper)

    async def sign() -> Any:
        # pyHanko's PdfSigner.async_sign_pdf, step by step, with the pre-signing validation reused
        session = pdf_signer.init_signing_session(writer)
        info = prepared.validation_info
        if info is None:
            info = await session.perform_presign_validation(writer)
        tbs = session.prepare_tbs_document(validation_info=info, bytes_reserved=reserved)
        digest, output = tbs.digest_tbs_document(output=out)
        signed = await tbs.perform_signature(
            document_digest=digest.document_digest,
            pdf_cms_signed_attrs=PdfCMSSignedAttributes(signing_time=session.system_time),
        )
        await signed.post_signature_processing(output)
        return info

    try:
        info = asyncio.run(sign())
    except TimestampError:
        raise
    except Exception as exc:
        # pyHanko wraps the timestamp's failures in several kinds; with a TSA, name it
        raise TimestampError(
            f"signing with a timestamp from the time-stamping authority {tsa_url} failed "
            f"({_reason(exc)}); the certificate was not signed"
        ) from None
    if prepared.validation_info is None:
        prepared.validation_info = info
        prepared.valid_until = _validation_data_expiry(info, now)
        _prepared[key] = prepared


def _validation_data_expiry(info: Any, gathered: datetime) -> datetime:
    """When validation data gathered at `gathered` must be gathered again: VALIDATION_DATA_MAX_AGE
    later, or sooner when a certificate of its paths expires or its revocation information is due to be
    updated."""
    ends = [gathered + VALIDATION_DATA_MAX_AGE]
    for path in info.validation_paths:
        ends.extend(c.not_valid_after for c in path.iter_certs(include_root=True))
    for crl in info.crls_to_embed:
        ends.append(crl["tbs_cert_list"]["next_update"].native)
    for ocsp in info.ocsps_to_embed:
        for single in ocsp["response_bytes"]["response"].parsed["tbs_response_data"]["responses"]:
            ends.append(single["next_update"].native)
    return min(end for end in ends if end is not None)


# URL -> idle connections to that TSA, reused for the next request (HTTP keep-alive)
_tsa_connections: dict[str, list[Any]] = {}
_tsa_connections_lock = threading.Lock()


def _forget_tsa_connections() -> None:
    # a forked process must not speak on its parent's sockets (nor wait on a lock another thread held)
    global _tsa_connections_lock
    _tsa_connections.clear()
    _tsa_connections_lock = threading.Lock()


if hasattr(os, "register_at_fork"):  # POSIX; Windows has no fork, so a child never inherits them there
    os.register_at_fork(after_in_child=_forget_tsa_connections)


class _HttpStatus(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


def _tsa_connection(url: str) -> Any:
    """A new HTTP(S) connection to the TSA with Nagle's algorithm off: a request then goes out at once,
    so a TSA's delayed ACK of the headers never holds back the body (40 ms a timestamp otherwise)."""
    import http.client
    import socket
    import ssl
    from urllib.parse import urlsplit

    parts = urlsplit(url)

    class NoDelay(http.client.HTTPConnection):
        def connect(self) -> None:
            super().connect()
            assert self.sock is not None
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    class NoDelayTls(http.client.HTTPSConnection):
        def connect(self) -> None:
            super().connect()
            assert self.sock is not None
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    if parts.scheme == "https":
        return NoDelayTls(
            parts.hostname or "",
            parts.port,
            timeout=TSA_TIMEOUT_SECONDS,
            context=ssl.create_default_context(),
        )
    return NoDelay(parts.hostname or "", parts.port, timeout=TSA_TIMEOUT_SECONDS)


def _http_post(url: str, body: bytes) -> bytes:
    """POST an RFC 3161 request over a kept-alive connection to the TSA (a new one when none is idle);
    a kept connection the TSA has closed meanwhile is replaced once, the request sent again."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    headers = {"Content-Type": "application/timestamp-query", "Content-Length": str(len(body))}
    with _tsa_connections_lock:
        idle = _tsa_connections.setdefault(url, [])
        connection = idle.pop() if idle else None
    reused = connection is not None
    while True:
        if connection is None:
            connection = _tsa_connection(url)
        try:
            connection.request("POST", path, body=body, headers=headers)
            response = connection.getresponse()
            data: bytes = response.read(1_000_000)
        except (ConnectionResetError, BrokenPipeError):  # http.client.RemoteDisconnected is one
            connection.close()
            if not reused:
                raise
            # the TSA closed the kept connection while it was idle: send the request once more, anew
            connection, reused = None, False
            continue
        except BaseException:
            connection.close()
            raise
        break
    if response.status != 200 or not response.isclosed() or response.will_close:
        connection.close()  # an answer not read to its end, or the TSA's wish: never reused
    else:
        with _tsa_connections_lock:
            _tsa_connections.setdefault(url, []).append(connection)
    if response.status != 200:
        raise _HttpStatus(response.status)
    return data


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__


def _url_timestamper(url: str) -> Any:
    """An RFC 3161 client over HTTP(S) with the standard library (no extra HTTP package)."""
    # lazy: pyHanko costs ~0.35 s; only a process that signs with a timestamp needs this
    from asn1crypto import tsp
    from pyhanko.sign.timestamps.api import TimeStamper

    def post(body: bytes) -> bytes:
        try:
            return _http_post(url, body)
        except _HttpStatus as exc:
            raise TimestampError(
                translate(
                    "Document",
                    "the time-stamping authority {0} refused the request (HTTP {1}); "
                    "the certificate was not signed",
                ).format(url, exc.status)
            ) from None
        except OSError as exc:
            why = exc.strerror or type(exc).__name__
            raise TimestampError(
                translate(
                    "Document",
                    "the time-stamping authority {0} cannot be reached ({1}); the certificate was not signed",
                ).format(url, why)
            ) from None

    class UrlTimeStamper(TimeStamper):  # type: ignore[misc]
        async def async_request_tsa_response(self, req: Any) -> Any:
            # pyHanko runs one signature per event loop, with nothing else on it: the request may block
            data = post(req.dump())
            try:
                return tsp.TimeStampResp.load(data)
            except ValueError:
                raise TimestampError(
                    translate(
                        "Document",
                        "the time-stamping authority {0} answered with something that is "
                        "not a timestamp; the certificate was not signed",
                    ).format(url)
                ) from None

    return UrlTimeStamper()  # type: ignore[no-untyped-call]


def _reserved_bytes(loaded: Any) -> int:
    """Room for the CMS signature: the certificates it carries plus a margin for the signature and its
    attributes. Given up front, pyHanko need not make a trial signature to measure it (half the cost)."""
    certs = [loaded.signing_cert, *getattr(loaded, "cert_registry", [])]
    size = sum(len(c.dump()) for c in certs) + 4096
    return -(-size // 1024) * 1024


class IssuedDocument(NamedTuple):
    """A signed certificate PDF and its SHA-256 (hex); unpacks as (pdf, sha256)."""

    pdf: bytes
    sha256: str


def issue_document(content: CertificateContent, signer: Signer) -> IssuedDocument:
    """Render and sign one certificate: (signed PDF, its SHA-256 in hex, to store with the record)."""
    # a CPC, or a copy of a registration document
    signed = sign_pdf(draw_document(with_signing_fingerprint(content, signer.fingerprint)), signer)
    return IssuedDocument(signed, hashlib.sha256(signed).hexdigest())
