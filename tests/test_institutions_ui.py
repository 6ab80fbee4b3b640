"""The Institutions screen: add an entry through the form (problems named next to it), edit, mark verified."""

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.desk import Desk
from app.register.institutions import list_institutions
from app.store.models import AuditEvent, Institution
from ui.admin.institutions_screen import InstitutionsScreen
from ui.shell.context import UiContext


def fill(screen: InstitutionsScreen, **values: str) -> None:
    for field, value in values.items():
        if field == "country":
            screen.country_combo.setCurrentIndex(screen.country_combo.findData(value))
        elif field == "institution_type":
            screen.type_combo.setCurrentIndex(screen.type_combo.findData(value))
        else:
            screen.edits[field].setText(value)


def test_add_edit_and_verify_through_the_form(qtbot: QtBot, desk: Desk) -> None:
    screen = InstitutionsScreen(UiContext(desk))
    qtbot.addWidget(screen)
    screen.show()
    fill(
        screen, name="Hôpital Sainte-Justine", street1="3175 ch. de la Côte-Sainte-Catherine", city="Montréal"
    )
    fill(screen, state="Quebec", postal_code="90210", email="not-an-address")
    assert screen.save() is False
    # Each field the service names is marked under that field, and only those.
    marked = {f: label.text() for f, label in screen.field_errors.items() if label.isVisibleTo(screen)}
    assert set(marked) == {"Zip/Postal code", "Email address"}
    assert "Zip/Postal code: '90210' is not a Canadian postal code" in marked["Zip/Postal code"]
    assert "Not saved: 2 problems" in screen.problem_label.text()
    assert screen.focusWidget() is screen.edits["postal_code"]
    with desk.db.read() as s:
        assert list_institutions(s) == []
    fill(screen, postal_code="h3t1c5", email="dossiers@chusj.example")
    assert screen.save() is True
    assert screen.proxy.rowCount() == 1
    assert [screen.proxy.index(0, c).data() for c in range(6)] == [
        "Hôpital Sainte-Justine",
        "Hospital",
        "Montréal",
        "CA",
        "No",
        "dossiers@chusj.example",
    ]
    row = screen.selected()
    assert row is not None and row.postal_code == "H3T 1C5" and row.state == "QC"
    fill(screen, attention="Archives médicales")
    assert screen.save() is True
    assert screen.verify_button.isEnabled()
    screen.verify_button.click()
    assert screen.proxy.index(0, 4).data() == "Yes"
    screen.type_filter.setCurrentIndex(screen.type_filter.findData("Other"))
    assert screen.proxy.rowCount() == 0
    screen.type_filter.setCurrentIndex(0)
    screen.filter_box.setText("chusj")
    assert screen.proxy.rowCount() == 1
    with desk.db.read() as s:
        kinds = list(s.scalars(select(AuditEvent.kind).order_by(AuditEvent.id)))
        assert kinds == ["institution.added", "institution.updated", "institution.verified"]
        assert list_institutions(s)[0].attention == "Archives médicales"


def test_a_second_entry_with_the_same_name_is_refused(qtbot: QtBot, desk: Desk) -> None:
    screen = InstitutionsScreen(UiContext(desk))
    qtbot.addWidget(screen)
    entry = {
        "name": "Mayo Clinic",
        "street1": "200 First St SW",
        "city": "Rochester",
        "country": "US",
        "state": "MN",
        "postal_code": "55905",
        "email": "credentials@mayo.example",
    }
    fill(screen, **entry)
    assert screen.save() is True
    screen.new_entry()
    fill(screen, **entry)
    assert screen.save() is False
    assert "already in the directory" in screen.problem_label.text()


def test_an_entry_deleted_while_it_is_edited_says_so_in_words(qtbot: QtBot, desk: Desk) -> None:
    screen = InstitutionsScreen(UiContext(desk))
    qtbot.addWidget(screen)
    screen.show()
    fill(screen, name="Mayo Clinic", street1="200 First St SW", city="Rochester", country="US")
    fill(screen, state="MN", postal_code="55905", email="credentials@mayo.example")
    assert screen.save() is True
    row = screen.selected()
    assert row is not None
    with desk.db.write() as s:  # another desk deletes it meanwhile
        inst = s.get(Institution, row.id)
        assert inst is not None
        s.delete(inst)
    fill(screen, attention="Credentials")
    assert screen.save() is False
    assert f"Institution {row.id} is not in the directory." in screen.problem_label.text()
    assert not any(label.isVisibleTo(screen) for label in screen.field_errors.values())
    fill(screen, email="not-an-address")  # and a field problem afterwards is marked as before
    assert screen.save() is False
    assert screen.field_errors["Email address"].isVisibleTo(screen)
