"""The demo register: deterministic, large enough and varied enough to exercise every screen."""

import re
import unicodedata

import pytest
from sqlalchemy import func, select

from app.desk import Desk
from app.issuing.rules import review_reasons
from app.register import demo
from app.register.institution_types import DEFAULT_TYPES
from app.store.models import Institution, InstitutionType, Member, MemberStatus


def _scripts(text: str) -> set[str]:
    names = set()
    for ch in text:
        if ch.isalpha():
            names.add(unicodedata.name(ch, "?").split()[0])
    return names


def test_demo_register_is_deterministic() -> None:
    a = [(m.cpso_number, m.full_name, m.status) for m in demo.demo_members()]
    b = [(m.cpso_number, m.full_name, m.status) for m in demo.demo_members()]
    assert a == b


def test_demo_fill_invariants(desk: Desk) -> None:
    assert demo.fill_if_empty(desk) is True
    assert demo.fill_if_empty(desk) is False  # never twice
    with desk.db.read() as s:
        members = list(s.scalars(select(Member)))
        institutions = list(s.scalars(select(Institution)))
        types = [t.name for t in s.scalars(select(InstitutionType).order_by(InstitutionType.position))]
    assert len(members) >= 500
    assert len({m.cpso_number for m in members}) == len(members)
    assert all(re.fullmatch(r"\d{5,7}", m.cpso_number) for m in members)
    names = {m.full_name for m in members}
    assert "Hélène Côté-Gagnon" in names
    assert any("-" in m.last_name for m in members)
    assert max(len(m.full_name) for m in members) > 80
    scripts = set().union(*(_scripts(n) for n in names))
    assert {"LATIN", "GREEK", "CYRILLIC", "CJK"} <= scripts
    statuses = {m.status for m in members}
    assert statuses == set(MemberStatus)
    assert sum(1 for m in members if m.terms_conditions) >= 5
    assert sum(1 for m in members if m.discipline) >= 3
    assert sum(1 for m in members if m.pending_investigations) >= 2
    assert sum(1 for m in members if not review_reasons(m)) > 400
    assert types == list(DEFAULT_TYPES)
    assert len(institutions) >= 30
    with desk.db.read() as s:
        used = set(
            s.scalars(
                select(InstitutionType.name).join(Institution, Institution.type_id == InstitutionType.id)
            )
        )
    assert used == set(DEFAULT_TYPES)
    assert len({i.country for i in institutions}) >= 5
    for inst in institutions:
        assert re.search(r"@([a-z0-9-]+\.)*example\.(org|com|net)$", inst.email), inst.email
    for m in members:
        assert m.email.endswith(".example.org")


def test_demo_command_fills_once(desk: Desk, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.cli_runner import run_cli

    argv = ["--data-dir", str(desk.data_dir), "--database-url", desk.db.url, "demo"]
    assert run_cli(argv) == 0
    assert "demo members" in capsys.readouterr().out
    with desk.db.read() as s:
        first = s.scalar(select(func.count()).select_from(Member))
    assert run_cli(argv) == 0
    assert "already holds members" in capsys.readouterr().out
    with desk.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Member)) == first
