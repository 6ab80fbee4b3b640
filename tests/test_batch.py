"""Batch issuing from a requests CSV: the right certificates, the right report, the print file, resuming.

Everything is real: an SQLite file, the certificate renderer and signer, PDFs read back with pypdf.
"""

import csv
import io
import re
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from app.access.staff import Actor
from app.batch.run import (
    BatchOptions,
    Selection,
    certificate_file_name,
    check_requests,
    print_certificates,
    run_requests_file,
    select_certificates,
)
from app.desk import Desk
from app.errors import PermissionDenied, ValidationErrors
from app.printing.record import mark_printed
from app.printing.sheets import MergedPdfWriter
from app.store.models import (
    Batch,
    Certificate,
    CertificateDocument,
    CertificateRequest,
    Institution,
    InstitutionType,
    MemberStatus,
    OutboxMessage,
    RequestStatus,
    StaffRole,
)
from tests.factories import make_member

HEADER = [
    "cpso_number",
    "institution_type",
    "institution_name",
    "attention",
    "street1",
    "street2",
    "street3",
    "street4",
    "city",
    "state",
    "country",
    "zip",
    "email",
    "consent_method",
    "consent_date",
]
NUMBER_RE = re.compile(r"CPC-\d{4}-\d{6}")
CONSENT_DAY = (date.today() - timedelta(days=3)).isoformat()


def _directory(desk: Desk) -> None:
    with desk.db.write() as session:
        # The types are the ones Desk.open seeded.
        kinds = {t.name: t for t in session.scalars(select(InstitutionType))}
        hospital, school = kinds["Hospital"], kinds["Medical school or university"]
        common = {"country": "CA", "verified": True}
        session.add_all(
            [
                Institution(
                    type_id=hospital.id,
                    name="Toronto General Hospital",
                    attention="Medical Staff Office",
                    street1="200 Elizabeth Street",
                    city="Toronto",
                    state="ON",
                    postal_code="M5G 2C4",
                    email="credentials@tgh.example.org",
                    **common,
                ),
                Institution(
                    type_id=hospital.id,
                    name="Hôpital Sainte-Justine",
                    street1="3175 chemin de la Côte-Sainte-Catherine",
                    city="Montréal",
                    state="QC",
                    postal_code="H3T 1C5",
                    email="privileges@hsj.example.org",
                    **common,
                ),
                # The same name under two types: a row must say which.
                Institution(
                    type_id=hospital.id,
                    name="Queen's Health Sciences",
                    street1="76 Stuart Street",
                    city="Kingston",
                    state="ON",
                    postal_code="K7L 2V7",
                    email="hospital@queens.example.org",
                    **common,
                ),
                Institution(
                    type_id=school.id,
                    name="Queen's Health Sciences",
                    street1="15 Arch Street",
                    city="Kingston",
                    state="ON",
                    postal_code="K7L 3N6",
                    email="school@queens.example.org",
                    **common,
                ),
            ]
        )


def _row(cpso: str, **values: str) -> dict[str, str]:
    row = dict.fromkeys(HEADER, "")
    row.update(cpso_number=cpso, consent_method="in_person", consent_date=CONSENT_DAY)
    row.update(values)
    return row


FULL_US = {
    "institution_type": "Licensing or regulatory authority",
    "institution_name": "New York State Education Department",
    "attention": "Office of the Professions",
    "street1": "89 Washington Avenue",
    "city": "Albany",
    "state": "New York",
    "country": "United States",
    "zip": "12234",
    "email": "op@nysed.example.org",
}
FULL_UK = {
    "institution_type": "Licensing or regulatory authority",
    "institution_name": "General Medical Council",
    "street1": "3 Hardman Street",
    "city": "Manchester",
    "country": "GB",
    "zip": "M3 3AW",
    "email": "registration@gmc.example.org",
}


class Scenario:
    """A register of members and a 50-row requests file: good rows, bad rows, members needing review."""

    def __init__(self, desk: Desk, folder: Path) -> None:
        self.desk = desk
        _directory(desk)
        self.rows: list[dict[str, str]] = []
        self.good: list[tuple[str, str]] = []  # (cpso, institution) expected to be issued
        self.bad: dict[int, str] = {}  # line -> field expected in the report
        self.held: dict[int, str] = {}  # line -> expected reason fragment
        names = [
            ("Hélène", "Côté"),
            ("李", "小龙"),
            ("Søren", "Ødegård"),
            ("Aoife", "Ní Bhriain"),
            ("José", "Núñez"),
            ("Zoë", "Abbott"),
        ]
        with desk.db.write() as session:
            self.members = []
            for i in range(44):
                first, last = names[i % len(names)]
                self.members.append(
                    make_member(session, first_name=first, last_name=f"{last} {i:02d}").cpso_number
                )
            review = [
                make_member(session, last_name="Suspended", status=MemberStatus.SUSPENDED),
                make_member(
                    session, last_name="Conditions", terms_conditions="Must practise under supervision."
                ),
                make_member(session, last_name="Discipline", discipline="2019: reprimand."),
                make_member(session, last_name="Investigated", pending_investigations="Referred 2025."),
            ]
            self.review = [
                (m.cpso_number, r)
                for m, r in zip(review, ["suspended", "terms", "discipline", "pending"], strict=True)
            ]
        institutions = [
            {"institution_name": "Toronto General Hospital"},
            {"institution_name": "hopital sainte-justine"},  # case and accents do not matter
            {"institution_name": "Queen's Health Sciences", "institution_type": "Hospital"},
            FULL_US,
            FULL_UK,
        ]
        canonical = {
            "Toronto General Hospital": "Toronto General Hospital",
            "hopital sainte-justine": "Hôpital Sainte-Justine",
            "Queen's Health Sciences": "Queen's Health Sciences",
            FULL_US["institution_name"]: FULL_US["institution_name"],
            FULL_UK["institution_name"]: FULL_UK["institution_name"],
        }
        for i in range(38):
            inst = institutions[i % len(institutions)]
            method = ["in_person", "Phone", "signed_form", "Member portal"][i % 4]
            self.rows.append(_row(self.members[i], consent_method=method, **inst))
            self.good.append((self.members[i], canonical[inst["institution_name"]]))
        bad_rows = [
            ("cpso_number", _row("999999999", institution_name="Toronto General Hospital")),
            ("city", _row(self.members[38], **{**FULL_US, "city": ""})),
            ("email", _row(self.members[39], **{**FULL_US, "email": "not-an-address@"})),
            ("zip", _row(self.members[40], **{**FULL_US, "zip": "ABCDE"})),
            ("attention", _row(self.members[41], **{**FULL_UK, "attention": "Line one\nLine two"})),
            (
                "consent_method",
                _row(
                    self.members[42], institution_name="Toronto General Hospital", consent_method="by pigeon"
                ),
            ),
            ("institution_name", _row(self.members[43], institution_name="Queen's Health Sciences")),
            ("institution_name", _row(self.members[43], institution_name="Nowhere Clinic")),
        ]
        for cpso, _reason in self.review:
            self.rows.append(_row(cpso, institution_name="Toronto General Hospital"))
        # Interleave the bad rows so that they are not all at the end.
        for k, (_fieldname, row) in enumerate(bad_rows):
            self.rows.insert(3 + k * 5, row)
        assert len(self.rows) == 50
        self.path = folder / "spring-recredentialling.csv"
        buf = io.StringIO()
        writer = csv.DictWriter(buf, HEADER, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(self.rows)
        self.path.write_text(buf.getvalue(), encoding="utf-8")
        # Line numbers as the file has them (the attention value with a line break spans two lines).
        line = 2
        bad_ids = {id(r): f for f, r in bad_rows}
        held_cpso = {c: r for c, r in self.review}
        for row in self.rows:
            if id(row) in bad_ids:
                self.bad[line] = bad_ids[id(row)]
            elif row["cpso_number"] in held_cpso:
                self.held[line] = held_cpso[row["cpso_number"]]
            line += 1 + row["attention"].count("\n")


def _report(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def _count(desk: Desk, model: Any) -> int:
    with desk.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _numbers_in_pages(reader: PdfReader) -> list[str]:
    out = []
    for page in reader.pages:
        text = page.extract_text() or ""
        if "Separator sheet" in text:
            out.append("SEPARATOR")
            continue
        found = NUMBER_RE.findall(text)
        out.append(found[0] if found else "")
    return out


@pytest.fixture
def scenario(desk: Desk, tmp_path: Path) -> Scenario:
    return Scenario(desk, tmp_path)


def test_invalid_rows_stop_the_whole_batch_without_skip_invalid(
    desk: Desk, scenario: Scenario, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = run_requests_file(desk, scenario.path, BatchOptions(out_dir=out, workers=1))

    assert result.refused and result.exit_status == 1
    assert (
        _count(desk, Certificate) == 0 and _count(desk, CertificateRequest) == 0 and _count(desk, Batch) == 0
    )
    report = _report(out / "errors.csv")
    by_line: dict[int, set[str]] = {}
    for entry in report:
        assert entry["status"] == "refused"
        by_line.setdefault(int(entry["line"]), set()).add(entry["field"])
    assert set(by_line) == set(scenario.bad)
    for line, fieldname in scenario.bad.items():
        assert fieldname in by_line[line], (line, by_line[line])
    problems = {int(e["line"]): e["problem"] for e in report}
    unknown_line = next(line for line, f in scenario.bad.items() if f == "cpso_number")
    assert "999999999" in problems[unknown_line]
    assert any("several types" in e["problem"] for e in report)
    assert any("line break" in e["problem"] for e in report)


def test_fifty_rows_issue_the_good_hold_the_reviews_and_report_the_bad(
    desk: Desk, scenario: Scenario, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    merged = tmp_path / "print" / "spring.pdf"
    progress: list[tuple[int, int, str]] = []
    result = run_requests_file(
        desk,
        scenario.path,
        BatchOptions(
            out_dir=out, merged_path=merged, separators=True, skip_invalid=True, workers=1, mark_printed=True
        ),
        progress=lambda d, t, s: progress.append((d, t, s)),
    )

    assert result.exit_status == 1  # rows were refused, even though the valid ones went ahead
    assert len(result.issued) == len(scenario.good) == 38
    assert {h.line: h for h in result.held}.keys() == scenario.held.keys()
    reasons = {h.line: h.reason for h in result.held}
    for line, fragment in scenario.held.items():
        assert fragment in reasons[line]
    # Progress reached done == total for the issuing phase and named members on the way.
    assert (38, 38) in {(d, t) for d, t, _s in progress}
    assert any("Côté" in s for _d, _t, s in progress)

    with desk.db.read() as session:
        certs = session.scalars(select(Certificate)).all()
        assert len(certs) == 38
        issued = Counter((c.recipient.request.member.cpso_number, c.recipient.name) for c in certs)
        assert issued == Counter(scenario.good)
        assert all(c.pdf_sha256 and c.printed_at is not None for c in certs)
        held = session.scalars(
            select(CertificateRequest).where(CertificateRequest.status == RequestStatus.AWAITING_REVIEW)
        ).all()
        assert len(held) == 4 and all(
            r.batch_id == result.batch_id and not r.recipients[0].certificates for r in held
        )
        assert _count(desk, CertificateDocument) == 38
        numbers = sorted(c.number for c in certs)
        assert len(set(numbers)) == 38

    report = _report(out / "errors.csv")
    assert {int(e["line"]) for e in report if e["status"] == "refused"} == set(scenario.bad)
    assert {int(e["line"]) for e in report if e["status"] == "held"} == set(scenario.held)

    # One signed PDF per certificate, named safely and uniquely, identical to the stored document.
    files = sorted(out.glob("*.pdf"))
    assert len(files) == 38
    # Latin, Greek and Cyrillic names are written in Latin letters; a Chinese name keeps its letters.
    assert all(re.fullmatch(r"CPC-\d{4}-\d{6}(_[^\W_]+(-[^\W_]+)*)*\.pdf", f.name) for f in files)
    with desk.db.read() as session:
        for cert in session.scalars(select(Certificate)):
            f = out / certificate_file_name(
                cert.number, cert.recipient.request.member.full_name, cert.recipient.name
            )
            import hashlib

            assert hashlib.sha256(f.read_bytes()).hexdigest() == cert.pdf_sha256
    assert not list(out.glob(".*partial")) and not list(merged.parent.glob(".*partial"))

    # The merged print file: every certificate page plus one separator per envelope, in order.
    reader = PdfReader(merged, strict=True)
    with desk.db.read() as session:
        pages_per_cert = {
            c.number: len(PdfReader(io.BytesIO(c.document.pdf)).pages)
            for c in session.scalars(select(Certificate))
        }
        expected_order = sorted(
            session.scalars(select(Certificate)),
            key=lambda c: (
                _fold(c.recipient.name),
                _fold(c.recipient.request.member.last_name),
                _fold(c.recipient.request.member.first_name),
            ),
        )
        envelopes = len({c.recipient.name for c in expected_order})
        expected_numbers = [c.number for c in expected_order]
    assert envelopes == 5
    assert result.merged_pages == len(reader.pages) == sum(pages_per_cert.values()) + envelopes
    page_numbers = _numbers_in_pages(reader)
    assert page_numbers.count("SEPARATOR") == envelopes
    firsts = []
    previous = None
    for label in page_numbers:
        if label not in ("SEPARATOR", previous) and label:
            firsts.append(label)
        previous = label
    assert firsts == expected_numbers
    # Each separator sheet carries its institution's address and lists exactly its certificates.
    first_sep = reader.pages[page_numbers.index("SEPARATOR")].extract_text()
    assert "General Medical Council" in first_sep and "Manchester" in first_sep
    assert "UNITED KINGDOM" in first_sep and "M3 3AW" in first_sep
    separators = [i for i, label in enumerate(page_numbers) if label == "SEPARATOR"]
    for start, end in zip(separators, [*separators[1:], len(page_numbers)], strict=True):
        listed = NUMBER_RE.findall(reader.pages[start].extract_text())
        following = list(dict.fromkeys(n for n in page_numbers[start + 1 : end] if n))
        assert listed == following
    assert [o.title for o in reader.outline][0] == "General Medical Council"


def _fold(text: str) -> str:
    from app.register.text import fold

    return fold(text)


def test_running_the_same_file_again_issues_nothing_twice(
    desk: Desk, scenario: Scenario, tmp_path: Path
) -> None:
    options = BatchOptions(out_dir=tmp_path / "out", skip_invalid=True, workers=1, queue_email=True)
    first = run_requests_file(desk, scenario.path, options)
    assert len(first.issued) == 38 and first.emails_queued == 38
    second = run_requests_file(desk, scenario.path, options)
    assert second.batch_id == first.batch_id
    assert second.issued == [] and second.already_issued == 38 and second.emails_queued == 0
    assert len(second.held) == 4
    assert _count(desk, Certificate) == 38 and _count(desk, CertificateRequest) == 42
    assert _count(desk, OutboxMessage) == 38


def test_cancel_finishes_the_certificate_in_hand_and_resumes(desk: Desk, tmp_path: Path) -> None:
    _directory(desk)
    with desk.db.write() as session:
        members = [make_member(session, last_name=f"Member {i:02d}").cpso_number for i in range(8)]
    path = tmp_path / "requests.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, HEADER)
        writer.writeheader()
        writer.writerows(_row(c, institution_name="Toronto General Hospital") for c in members)
    started: list[str] = []

    def cancel_after_three() -> bool:
        return len(started) >= 3

    def progress(done: int, total: int, text: str) -> None:
        if "–" in text and "CPC-" not in text:
            started.append(text)

    options = BatchOptions(out_dir=tmp_path / "out", merged_path=tmp_path / "all.pdf", workers=1)
    first = run_requests_file(desk, path, options, progress, cancel_after_three)
    assert first.cancelled and first.exit_status == 3
    assert len(first.issued) == 3 and _count(desk, Certificate) == 3
    assert not (tmp_path / "all.pdf").exists()  # the print file waits for the whole batch
    assert len(list((tmp_path / "out").glob("*.pdf"))) == 3

    second = run_requests_file(desk, path, options)
    assert not second.cancelled and second.already_issued == 3 and len(second.issued) == 5
    with desk.db.read() as session:
        per_request = session.execute(
            select(CertificateRequest.id, func.count(Certificate.id))
            .join(CertificateRequest.recipients)
            .join(Certificate, isouter=True)
            .group_by(CertificateRequest.id)
        ).all()
        numbers = session.scalars(select(Certificate.number).order_by(Certificate.number)).all()
    assert len(per_request) == 8 and all(n == 1 for _id, n in per_request)
    values = [int(n[-6:]) for n in numbers]
    assert values == list(range(values[0], values[0] + 8))  # gap-free, none twice
    assert len(PdfReader(tmp_path / "all.pdf").pages) >= 8


def test_bad_header_is_refused_with_the_column_named(desk: Desk, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("cpso,institution,consent_method,colour\n1,X,phone,red\n", encoding="utf-8")
    with pytest.raises(Exception) as info:
        check_requests(desk, path)
    assert "colour" in str(info.value)
    path.write_text("cpso_number,institution_name\n1,X\n", encoding="utf-8")
    with pytest.raises(ValidationErrors) as missing:
        check_requests(desk, path)
    assert "consent_method" in str(missing.value) and "consent_date" in str(missing.value)


def test_aliases_and_windows_1252_files_are_read(desk: Desk, tmp_path: Path) -> None:
    _directory(desk)
    with desk.db.write() as session:
        cpso = make_member(session).cpso_number
    path = tmp_path / "excel.csv"
    text = (
        "CPSO;Institution;Type;Street 1;City;Province;Country;Postal code;E-mail;"
        "Consent method;Consent date\r\n"
        f"{cpso};Hôpital Régional;Hospital;1 rue Principale;Québec;Québec;Canada;g1r 4t4;a@b.example.org;"
        f"Signed form;{CONSENT_DAY}\r\n"
    )
    path.write_bytes(text.encode("cp1252"))
    checked = check_requests(desk, path)
    assert checked.rejected == []
    recipient = checked.rows[0].recipient
    assert (recipient.name, recipient.state, recipient.country, recipient.postal_code) == (
        "Hôpital Régional",
        "QC",
        "CA",
        "G1R 4T4",
    )


def test_batch_printing_needs_the_permission(desk: Desk, tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(",".join(HEADER) + "\n", encoding="utf-8")
    with pytest.raises(PermissionDenied):
        run_requests_file(desk, path, BatchOptions(workers=1), actor=_NoBatchActor())
    with pytest.raises(PermissionDenied):
        mark_printed(desk, _NoBatchActor(), [1])


class _NoBatchActor(Actor):
    def __init__(self) -> None:
        super().__init__("reader", StaffRole.CLERK)

    def can(self, permission: str) -> bool:
        return False

    def require(self, permission: str) -> None:
        raise PermissionDenied(f"reader is not allowed to {permission}")


def test_selection_prints_awaiting_certificates_and_marks_them_printed(
    desk: Desk, scenario: Scenario, tmp_path: Path
) -> None:
    run_requests_file(desk, scenario.path, BatchOptions(skip_invalid=True, workers=1))
    waiting = select_certificates(desk, Selection(awaiting_printing=True))
    assert len(waiting) == 38
    tgh = select_certificates(desk, Selection(institution="toronto general hospital"))
    assert tgh and all(i.institution_name == "Toronto General Hospital" for i in tgh)
    result = print_certificates(
        desk, tgh, BatchOptions(merged_path=tmp_path / "tgh.pdf", mark_printed=True, workers=1), label="TGH"
    )
    assert result.marked_printed == len(tgh)
    assert len(select_certificates(desk, Selection(awaiting_printing=True))) == 38 - len(tgh)
    printed = {i.certificate_id for i in tgh}
    with desk.db.read() as session:
        for cert in session.scalars(select(Certificate)):
            request = cert.recipient.request
            assert (cert.printed_at is not None) == (cert.id in printed)
            assert (request.printed_at is not None) == (cert.id in printed)
            assert request.version == (2 if cert.id in printed else 1)
    assert len(PdfReader(tmp_path / "tgh.pdf").pages) >= len(tgh)


def test_with_a_worker_process_the_pool_threads_get_prompt_turns_until_the_batch_ends(
    desk: Desk, scenario: Scenario, tmp_path: Path
) -> None:
    """The threads that feed the render worker must not wait 5 ms for this thread (the worker would
    idle): while the batch issues, the switch interval is short; afterwards it is what it was."""
    import sys

    from app import tuning

    before = sys.getswitchinterval()
    seen: list[float] = []
    merged = tmp_path / "print" / "all.pdf"
    result = run_requests_file(
        desk,
        scenario.path,
        BatchOptions(merged_path=merged, separators=True, skip_invalid=True, workers=2),
        progress=lambda _d, _t, _s: seen.append(sys.getswitchinterval()),
    )
    assert len(result.issued) == len(scenario.good) == 38
    lowered = [v for v in seen if v == pytest.approx(tuning.BATCH_HANDOVER_INTERVAL_S)]
    assert len(lowered) >= len(result.issued)
    assert sys.getswitchinterval() == before
    assert len(PdfReader(merged, strict=True).pages) == result.merged_pages > 38


def test_merged_writer_leaves_no_file_when_it_fails(tmp_path: Path) -> None:
    from app.printing.sheets import SeparatorSheet, render_separator_sheet

    target = tmp_path / "print" / "m.pdf"
    sheet = render_separator_sheet(SeparatorSheet("Clinic", ("Clinic", "1 Main St", "Town ON  K1A 0B1")))
    with pytest.raises(RuntimeError), MergedPdfWriter(target) as writer:
        writer.add_pdf(sheet)
        raise RuntimeError("power cut")
    assert not target.exists() and not list(target.parent.iterdir())
    with MergedPdfWriter(target) as writer:
        for _ in range(3):
            writer.add_pdf(sheet, bookmark="Clinic")
    assert len(PdfReader(target, strict=True).pages) == 3


def test_merged_writer_puts_pages_in_reserved_order_whenever_they_arrive(tmp_path: Path) -> None:
    """The batch takes a place for each certificate when it is filed and writes its pages when the
    document comes back: the page order and the outline follow the places, not the arrival."""
    from app.printing.sheets import SeparatorSheet, render_separator_sheet

    def sheet(name: str) -> bytes:
        return render_separator_sheet(SeparatorSheet(name, (name, "1 Main St", "Town ON  K1A 0B1")))

    target = tmp_path / "m.pdf"
    with MergedPdfWriter(target) as writer:
        slots = [writer.reserve() for _ in range(4)]
        writer.reserve()  # never filled: adds no page
        writer.add_pdf(sheet("Delta"), slot=slots[3], bookmark="Delta")
        writer.add_pdf(sheet("Bravo"), slot=slots[1])
        writer.add_pdf(sheet("Alpha"), slot=slots[0], bookmark="Alpha")
        writer.add_pdf(sheet("Echo"))  # no slot: after every place taken so far
        writer.add_pdf(sheet("Charlie"), slot=slots[2], bookmark="Charlie")
        with pytest.raises(ValueError, match="already filled"):
            writer.add_pdf(sheet("Again"), slot=slots[1])
        assert writer.page_count == 5
    reader = PdfReader(target, strict=True)
    firsts = [page.extract_text().split("\n")[0] for page in reader.pages]
    order = ["Alpha", "Bravo", "Charlie", "Delta", "Echo"]
    assert [next(n for n in order if n in text) for text in firsts] == order
    assert [o.title for o in reader.outline] == ["Alpha", "Charlie", "Delta"]
    assert [reader.get_destination_page_number(o) for o in reader.outline] == [0, 2, 3]


def test_merged_writer_reuses_repeated_streams_and_forgets_one_off_ones(tmp_path: Path) -> None:
    """A stream every document repeats is written once however long the file; the streams of one
    document only (its font subsets) are not all remembered to the end of a long batch."""
    from app.printing.sheets import _SHARED_KEPT, SeparatorSheet, render_separator_sheet

    def sheet(name: str) -> bytes:
        return render_separator_sheet(SeparatorSheet(name, (name, "1 Main St", "Town ON  K1A 0B1")))

    same = sheet("Clinic")
    twice = tmp_path / "long.pdf"
    kinds = 300  # each sheet draws its own name: a font subset of its own
    with MergedPdfWriter(twice) as writer:
        for i in range(kinds):
            writer.add_pdf(sheet(f"Clinic {i:03d} " + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[i % 26] * (i % 7 + 1)))
            writer.add_pdf(same)
        remembered = len(writer._shared)
    assert remembered == _SHARED_KEPT  # reached, never passed (unbounded it held every sheet's streams)
    reader = PdfReader(twice, strict=True)
    assert len(reader.pages) == 2 * kinds
    # The repeated sheet's page content was written once, and every copy of its page points to it.
    repeated_pages = [reader.pages[i] for i in range(1, 2 * kinds, 2)]
    contents = {page.get_object().raw_get("/Contents").idnum for page in repeated_pages}
    assert len(contents) == 1


def test_merge_copies_signed_certificates_without_pypdf_and_other_files_through_it(
    desk: Desk, tmp_path: Path
) -> None:
    """The print file reads the certificates (reportlab pages signed by pyHanko: classic
    cross-reference tables, two revisions) by itself, and any other PDF through pypdf. Either way each
    merged page must be the source page: the same drawing, text, size and resources, without the
    signature's form field."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.pdf_utils.writer import copy_into_new_writer

    from app.document.certificates import render_pdf
    from app.document.signing import load_signer, sign_pdf
    from app.printing.sheets import SeparatorSheet, _Source, render_separator_sheet
    from tests.test_certificates import sample

    signer = load_signer(desk)
    signed = [sign_pdf(render_pdf(sample()), signer) for _ in range(2)]
    separator = render_separator_sheet(SeparatorSheet("Clinic", ("Clinic", "1 Main St", "Town ON  K1A 0B1")))
    rewritten = io.BytesIO()
    copy_into_new_writer(PdfFileReader(io.BytesIO(signed[0])), {"stream_xrefs": True}).write(rewritten)
    streamed = rewritten.getvalue()
    for doc in (*signed, separator):
        assert _Source(doc).page_numbers is not None  # read without pypdf
    assert b"/XRef" in streamed and _Source(streamed).page_numbers is None  # read through pypdf

    docs = [signed[0], separator, streamed, signed[1]]
    target = tmp_path / "merged.pdf"
    with MergedPdfWriter(target) as writer:
        for doc in docs:
            assert writer.add_pdf(doc, bookmark="Clinic") == 1
    merged = PdfReader(target, strict=True)
    assert len(merged.pages) == len(docs)
    for page, doc in zip(merged.pages, docs, strict=True):
        source = PdfReader(io.BytesIO(doc)).pages[0]
        assert page.get_contents().get_data() == source.get_contents().get_data()
        assert page.extract_text() == source.extract_text()
        assert page.mediabox == source.mediabox
        fonts, source_fonts = page["/Resources"]["/Font"], source["/Resources"]["/Font"]
        assert sorted(fonts) == sorted(source_fonts)
        assert all(fonts[name]["/BaseFont"] == source_fonts[name]["/BaseFont"] for name in fonts)
        assert "/Annots" not in page  # the signature's widget stays behind
    assert "/Annots" in PdfReader(io.BytesIO(signed[0])).pages[0]


def test_merge_leaves_a_looping_page_tree_to_pypdf() -> None:
    """A page tree whose /Kids lead back to a node it came from ends the merge's own reading at once."""
    from app.printing.sheets import _Source

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [ 2 0 R 3 0 R ] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [ 0 0 10 10 ] >>",
    ]
    data, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(data))
        data += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(data)
    data += b"xref\n0 4\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    data += b"trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    assert _Source(bytes(data)).page_numbers is None
    fixed = bytes(data).replace(b"[ 2 0 R 3 0 R ]", b"[ 3 0 R       ]")  # same length: offsets hold
    assert _Source(fixed).page_numbers == [3]


def test_content_built_while_filing_equals_the_content_read_back_from_the_database(
    desk: Desk, scenario: Scenario, tmp_path: Path
) -> None:
    """A certificate whose document was lost is completed from the database: it must say the same."""
    from app.document.certificates import certificate_content, content_for_certificate
    from app.issuing.engine import MemberFacts
    from app.register.recipients import RecipientInput

    run_requests_file(desk, scenario.path, BatchOptions(skip_invalid=True, workers=1))
    with desk.db.read() as session:
        certs = session.scalars(select(Certificate)).all()
        assert certs
        for cert in certs:
            recipient = cert.recipient
            as_read = content_for_certificate(desk.settings, cert)
            as_filed = certificate_content(
                desk.settings,
                MemberFacts.of(recipient.request.member),
                RecipientInput(
                    institution_type=recipient.institution_type,
                    name=recipient.name,
                    attention=recipient.attention,
                    street1=recipient.street1,
                    street2=recipient.street2,
                    street3=recipient.street3,
                    street4=recipient.street4,
                    city=recipient.city,
                    state=recipient.state,
                    country=recipient.country,
                    postal_code=recipient.postal_code,
                    email=recipient.email,
                ),
                number=cert.number,
                verification_code=cert.verification_code,
                issue_date=cert.issue_date,
                valid_until=cert.valid_until,
            )
            assert as_filed == as_read
