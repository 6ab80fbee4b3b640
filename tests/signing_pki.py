"""A small, real PKI for the signing tests: a College root CA, signing keys it issues (fit and unfit),
and an RFC 3161 time-stamping authority served over HTTP on a loopback port chosen at run time.

The TSA is a small RFC 3161 responder (an RSA 2048 key, the constant parts of its answers encoded once) behind
a standard-library http.server with keep-alive, so the desk talks to it exactly as to a real TSA: HTTP POST of
a DER TimeStampReq, a DER TimeStampResp back.
"""

import contextlib
import secrets
import socket
import threading
from collections.abc import Callable, Iterator
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


def _rfc3161_responder(
    tsa_cert: x509.Certificate, tsa_key: PrivateKey, root: Authority
) -> Callable[[bytes, datetime | None], bytes]:
    """An RFC 3161 responder: a DER TimeStampReq in, a DER TimeStampResp (granted) out, its token a CMS
    SignedData over a TSTInfo, signed by `tsa_key` with the signing-certificate attribute, carrying the
    TSA's certificate and its root. What is the same in every response is encoded once: what a real TSA
    spends on a timestamp is its signature, not re-encoding its own certificates (pyHanko's test
    responder does, about 5 ms a timestamp in pure Python)."""
    from asn1crypto import algos, cms, core, tsp
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
    from pyhanko.sign.general import as_signing_certificate, simple_cms_attribute

    tsa_der = tsa_cert.public_bytes(Encoding.DER)
    parsed = asn1_x509.Certificate.load(tsa_der)
    content_type = simple_cms_attribute("content_type", "tst_info").dump()
    signing_certificate = simple_cms_attribute("signing_certificate", as_signing_certificate(parsed)).dump()
    sid = cms.SignerIdentifier(
        {
            "issuer_and_serial_number": cms.IssuerAndSerialNumber(
                {"issuer": parsed.issuer, "serial_number": parsed.serial_number}
            )
        }
    ).dump()
    tsa_name = asn1_x509.GeneralName(name="directory_name", value=parsed.subject).dump()
    hash_for = {"sha256": hashes.SHA256, "sha384": hashes.SHA384, "sha512": hashes.SHA512}

    def respond(body: bytes, fixed_time: datetime | None) -> bytes:
        request = tsp.TimeStampReq.load(body)
        imprint = request["message_imprint"]
        md = imprint["hash_algorithm"]["algorithm"].native
        when = fixed_time or datetime.now(UTC)
        info = {
            "version": "v1",
            "policy": "1.3.6.1.4.1.4146.2.2",
            "message_imprint": tsp.MessageImprint.load(imprint.dump()),
            "serial_number": secrets.randbits(63),
            "gen_time": when,
            "tsa": asn1_x509.GeneralName.load(tsa_name),
        }
        if request["nonce"].native is not None:
            info["nonce"] = request["nonce"].native
        tst_info = tsp.TSTInfo(info).dump()
        digest = hashes.Hash(hash_for[md]())
        digest.update(tst_info)
        signed_attrs = cms.CMSAttributes(
            [
                cms.CMSAttribute.load(content_type),
                simple_cms_attribute("signing_time", cms.Time({"utc_time": core.UTCTime(when)})),
                cms.CMSAttribute.load(signing_certificate),
                simple_cms_attribute("message_digest", digest.finalize()),
            ]
        )
        signature = tsa_key.sign(  # type: ignore[call-arg]
            signed_attrs.dump(), PKCS1v15(), hash_for[md]()
        )
        signer_info = cms.SignerInfo(
            {
                "version": "v1",
                "sid": cms.SignerIdentifier.load(sid),
                "digest_algorithm": algos.DigestAlgorithm({"algorithm": md}),
                "signature_algorithm": algos.SignedDigestAlgorithm({"algorithm": "rsassa_pkcs1v15"}),
                "signed_attrs": signed_attrs,
                "signature": signature,
            }
        )
        signed_data = cms.SignedData(
            {
                "version": "v3",
                "digest_algorithms": [algos.DigestAlgorithm({"algorithm": md})],
                "encap_content_info": {
                    "content_type": "tst_info",
                    "content": cms.ParsableOctetString(tst_info),
                },
                "certificates": [asn1_x509.Certificate.load(tsa_der), asn1_x509.Certificate.load(root.der)],
                "signer_infos": [signer_info],
            }
        )
        token = cms.ContentInfo({"content_type": "signed_data", "content": signed_data})
        response = tsp.TimeStampResp({"status": {"status": "granted"}, "time_stamp_token": token})
        return bytes(response.dump())

    return respond


@contextmanager
def loopback_tsa(tmp: Path) -> Iterator[LoopbackTsa]:
    """Start a TSA (its own root CA and a timestamping certificate) on a free loopback port."""
    root = make_root("Test TSA Root")
    tsa_cert, tsa_key = issue(
        root,
        "Test Time-Stamping Authority",
        extended_usage=ExtendedKeyUsageOID.TIME_STAMPING,
        key=rsa.generate_private_key(65537, 2048),  # as most TSAs sign
    )
    stamper_state = LoopbackTsa(root=root)
    root.write_pem(tmp / "tsa-root.pem")
    respond = _rfc3161_responder(tsa_cert, tsa_key, root)

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
            data = respond(body, stamper_state.fixed_time)
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
