"""A small, real PKI for the signing tests: a College root CA, signing keys it issues (fit and unfit),
and an RFC 3161 time-stamping authority served over HTTP on a loopback port chosen at run time.

The TSA is pyHanko's DummyTimeStamper (a real RFC 3161 responder that signs with the key given) behind a
standard-library http.server, so the desk talks to it exactly as to a real TSA: HTTP POST of a DER
TimeStampReq, a DER TimeStampResp back.
"""

import asyncio
import contextlib
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import (
    BestAvailableEncryption,
    Encoding,
    NoEncryption,
    PrivateFormat,
    pkcs12,
)
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

PrivateKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _usage(*, ca: bool, sign: bool = True) -> x509.KeyUsage:
    return x509.KeyUsage(sign and not ca, sign and not ca, False, False, False, ca, ca, False, False)


@dataclass
class Authority:
    cert: x509.Certificate
    key: PrivateKey

    @property
    def der(self) -> bytes:
        return self.cert.public_bytes(Encoding.DER)

    def write_pem(self, path: Path) -> Path:
        path.write_bytes(self.cert.public_bytes(Encoding.PEM))
        return path


def make_root(cn: str = "Test College Root CA", days: int = 3650) -> Authority:
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(cn))
        .issuer_name(_name(cn))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=2))
        .not_valid_after(now + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(_usage(ca=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return Authority(cert, key)


def issue(
    ca: Authority,
    cn: str = "Test College document signing",
    *,
    not_before: timedelta = timedelta(days=-1),
    not_after: timedelta = timedelta(days=365),
    sign_usage: bool = True,
    key: PrivateKey | None = None,
    extended_usage: x509.ObjectIdentifier | None = None,
) -> tuple[x509.Certificate, PrivateKey]:
    """A certificate issued by `ca`, valid from now+not_before to now+not_after."""
    key = key or ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(cn))
        .issuer_name(ca.cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now + not_before)
        .not_valid_after(now + not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_usage(ca=False, sign=sign_usage), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()),
            critical=False,  # type: ignore[arg-type]
        )
    )
    if extended_usage is not None:
        builder = builder.add_extension(x509.ExtendedKeyUsage([extended_usage]), critical=True)
    return builder.sign(ca.key, hashes.SHA256()), key


def write_pkcs12(
    path: Path, cert: x509.Certificate, key: PrivateKey, chain: list[x509.Certificate], passphrase: bytes
) -> Path:
    encryption = BestAvailableEncryption(passphrase) if passphrase else NoEncryption()
    path.write_bytes(pkcs12.serialize_key_and_certificates(b"college", key, cert, chain, encryption))
    return path


def college_key(
    tmp: Path, ca: Authority, name: str = "college.p12", passphrase: bytes = b"pw", **kwargs: object
) -> tuple[Path, x509.Certificate]:
    """A PKCS#12 file with a signing key issued by `ca` (and `ca` in its chain)."""
    cert, key = issue(ca, **kwargs)  # type: ignore[arg-type]
    return write_pkcs12(tmp / name, cert, key, [ca.cert], passphrase), cert


def configure(desk: object, p12: Path, root_pem: Path, passphrase: str = "pw") -> None:
    """Point a desk at a PKCS#12 key and the College root (the way an administrator would)."""
    from app.access import secrets

    secrets.set_secret(secrets.SIGNING_PASSPHRASE_ENTRY, passphrase)
    desk.settings.set("signing.root_certificate", str(root_pem))  # type: ignore[attr-defined]
    desk.settings.set("signing.pkcs12_path", str(p12))  # type: ignore[attr-defined]


def key_pem(key: PrivateKey) -> bytes:
    return key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())


@dataclass
class LoopbackTsa:
    """An RFC 3161 TSA on http://127.0.0.1:PORT/; `fail_with` makes it answer that HTTP status."""

    root: Authority
    url: str = ""
    requests: int = 0
    connections: int = 0  # TCP connections accepted: the desk keeps one alive for its requests
    fail_with: int | None = None
    fixed_time: datetime | None = None
    _server: ThreadingHTTPServer | None = field(default=None, repr=False)
    _open: set[socket.socket] = field(default_factory=set, repr=False)

    def drop_connections(self) -> None:
        """Close the kept-alive connections, as a TSA's server does after an idle time."""
        for connection in list(self._open):
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)


@contextmanager
def loopback_tsa(tmp: Path) -> Iterator[LoopbackTsa]:
    """Start a TSA (its own root CA and a timestamping certificate) on a free loopback port."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import tsp
    from asn1crypto import x509 as asn1_x509
    from pyhanko.sign.timestamps import DummyTimeStamper

    root = make_root("Test TSA Root")
    tsa_cert, tsa_key = issue(
        root,
        "Test Time-Stamping Authority",
        extended_usage=ExtendedKeyUsageOID.TIME_STAMPING,
        key=rsa.generate_private_key(65537, 2048),  # pyHanko's test responder signs with RSA only
    )
    stamper_state = LoopbackTsa(root=root)
    root.write_pem(tmp / "tsa-root.pem")

    class Stamper(DummyTimeStamper):  # type: ignore[misc]
        """pyHanko's test responder, signing with the key loaded once: it reloads the key from DER for
        every timestamp, and checking an RSA key costs about 100 ms a time."""

        def _sign_tst_info(self, tst_info_data: bytes, md_algorithm: str, dt: datetime) -> object:
            from asn1crypto import cms, core
            from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
            from pyhanko.sign import general
            from pyhanko.sign.general import simple_cms_attribute
            from pyhanko_certvalidator.util import get_pyca_cryptography_hash

            md = hashes.Hash(get_pyca_cryptography_hash(md_algorithm))
            md.update(tst_info_data)
            signed_attrs = cms.CMSAttributes(
                [
                    simple_cms_attribute("content_type", "tst_info"),
                    simple_cms_attribute("signing_time", cms.Time({"utc_time": core.UTCTime(dt)})),
                    simple_cms_attribute(
                        "signing_certificate", general.as_signing_certificate(self.tsa_cert)
                    ),
                    simple_cms_attribute("message_digest", md.finalize()),
                ]
            )
            signature = tsa_key.sign(  # type: ignore[call-arg, union-attr]
                signed_attrs.dump(), PKCS1v15(), get_pyca_cryptography_hash(md_algorithm.upper())
            )
            return signature, signed_attrs

    loaded_stamper = Stamper(
        tsa_cert=asn1_x509.Certificate.load(tsa_cert.public_bytes(Encoding.DER)),
        tsa_key=asn1_keys.PrivateKeyInfo.load(
            tsa_key.private_bytes(Encoding.DER, PrivateFormat.PKCS8, NoEncryption())
        ),
        certs_to_embed=[asn1_x509.Certificate.load(root.der)],
    )

    def stamper() -> DummyTimeStamper:
        loaded_stamper.fixed_dt = stamper_state.fixed_time
        return loaded_stamper

    class Handler(BaseHTTPRequestHandler):
        # headers and body go out in two writes: without this, Nagle's algorithm holds the body until
        # the client's delayed ACK (40 ms on Linux loopback), which a real TSA's server would not do
        disable_nagle_algorithm = True
        # keep-alive, as a real TSA's web server: the desk sends its requests over one connection
        protocol_version = "HTTP/1.1"

        def setup(self) -> None:
            super().setup()
            stamper_state.connections += 1
            stamper_state._open.add(self.connection)

        def finish(self) -> None:
            stamper_state._open.discard(self.connection)
            super().finish()

        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            stamper_state.requests += 1
            if stamper_state.fail_with is not None:
                self.send_error(stamper_state.fail_with, "TSA out of service (test)")
                return
            request = tsp.TimeStampReq.load(body)
            response = asyncio.run(stamper().async_request_tsa_response(request))
            data = response.dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's name
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    stamper_state._server = server
    stamper_state.url = f"http://127.0.0.1:{server.server_address[1]}/tsa"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield stamper_state
    finally:
        server.shutdown()
        server.server_close()
        stamper_state.drop_connections()  # as a stopped server's would be
        thread.join(timeout=10)
