"""A requests file with a `document` column: CPCs, cards and diplomas in one print run, each through the
one issuing engine; refused rows named; the merged print file grouped by kind (CPCs first, then each kind)."""

import csv
from datetime import date, timedelta
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader

from app.batch.run import BatchOptions, run_requests_file
from app.desk import Desk
from app.document.verification import verify_pdf
from app.store.models import MemberStatus
from tests.cli_runner import run_cli
from tests.factories import make_member

CONSENT_DAY = (date.today() - timedelta(days=2)).isoformat()
HEADER = [
    "cpso_number",
    "document",
    "institution_type",
    "institution_name",
    "street1",
    "city",
    "state",
    "country",
    "zip",
    "email",
    "consent_method",
    "consent_date",
]


def _members(desk: Desk) -> dict[str, str]:
    with desk.db.write() as session:
        made = {
            "ana": make_member(
                session, first_name="Ana", last_name="Zelenko", email="ana@members.example.org"
            ),
            "bo": make_member(session, first_name="Bo", last_name="Abbott", email="bo@members.example.org"),
            "gone": make_member(session, first_name="Cy", last_name="Gone", status=MemberStatus.DECEASED),
            "susp": make_member(session, first_name="Di", last_name="Paused", status=MemberStatus.SUSPENDED),
        }
        return {k: m.cpso_number for k, m in made.items()}


def _file(tmp_path: Path, rows: list[dict[str, str]]) -> Path:
    path = tmp_path / "requests.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=HEADER)
        writer.writeheader()
        for row in rows:
            writer.writerow({"consent_method": "phone", "consent_date": CONSENT_DAY, **row})
    return path


HOSPITAL = {
    "institution_type": "Hospital",
    "institution_name": "Kingston General Hospital",
    "street1": "76 Stuart Street",
    "city": "Kingston",
    "state": "ON",
    "country": "CA",
    "zip": "K7L 2V7",
    "email": "credentials@kgh.example.org",
}


def test_a_print_run_holds_cpcs_cards_and_diplomas_grouped_by_kind(desk: Desk, tmp_path: Path) -> None:
    cpso = _members(desk)
    path = _file(
        tmp_path,
        [
            {"cpso_number": cpso["ana"], "document": "diploma"},
            {"cpso_number": cpso["ana"], "document": "card"},
            {"cpso_number": cpso["bo"], "document": "Card"},
            {"cpso_number": cpso["bo"], **HOSPITAL},  # no document: a CPC
            {"cpso_number": cpso["ana"], "document": "cpc", **HOSPITAL},
            {"cpso_number": cpso["gone"], "document": "registration"},  # refused: deceased
            {"cpso_number": cpso["susp"], "document": "card"},  # refused: not active
            {"cpso_number": cpso["bo"], "document": "passport"},  # refused: unknown kind
            {"cpso_number": cpso["bo"], "document": "diploma", "institution_name": "Somewhere"},  # refused
            {"cpso_number": cpso["ana"], "document": "card"},  # refused: repeats line 3
        ],
    )
    merged = tmp_path / "print.pdf"
    result = run_requests_file(
        desk,
        path,
        BatchOptions(
            out_dir=tmp_path / "out", merged_path=merged, skip_invalid=True, workers=1, queue_email=True
        ),
    )
    refused = {(r.line, r.field) for r in result.rejected}
    assert refused == {
        (7, "document"),
        (8, "document"),
        (9, "document"),
        (10, "institution_name"),
        (11, "row"),
    }
    problems = " ".join(r.problem for r in result.rejected)
    assert "deceased" in problems and "active member" in problems and "passport" in problems
    numbers = sorted(i.number for i in result.issued)
    assert [n.split("-")[0] for n in numbers] == ["CARD", "CARD", "CPC", "CPC", "DIP"]
    for issued in result.issued:
        pdf = next((tmp_path / "out").glob(f"{issued.number}_*.pdf")).read_bytes()
        assert verify_pdf(desk, pdf).ok, issued.number
    # The merged file: the CPCs (one envelope), then the cards, then the diploma.
    reader = PdfReader(BytesIO(merged.read_bytes()))
    first_lines = [(page.extract_text() or "").strip() for page in reader.pages]
    order = [next(n for n in numbers if n in text) for text in first_lines if any(n in text for n in numbers)]
    kinds_in_order = [n.split("-")[0] for n in dict.fromkeys(order)]
    assert kinds_in_order == ["CPC", "CPC", "CARD", "CARD", "DIP"]
    bookmarks = [o.title for o in reader.outline if not isinstance(o, list)]
    assert bookmarks == ["Kingston General Hospital", "Membership Card", "Membership Diploma"]
    assert result.emails_queued == 5


def test_a_file_of_documents_only_needs_no_institution_column(desk: Desk, tmp_path: Path) -> None:
    cpso = _members(desk)
    path = tmp_path / "cards.csv"
    path.write_text(
        f"cpso_number,document,consent_method,consent_date\n{cpso['ana']},card,phone,{CONSENT_DAY}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert (
        run_cli(
            [
                "--data-dir",
                str(desk.data_dir),
                "--database-url",
                str(desk.db.url),
                "batch",
                str(path),
                "--out",
                str(out),
                "--workers",
                "1",
            ]
        )
        == 0
    )
    [file] = list(out.glob("CARD-*.pdf"))
    assert len(PdfReader(file).pages) == 3
