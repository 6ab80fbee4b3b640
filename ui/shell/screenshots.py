"""`python main.py screenshots`: render every main screen offscreen into docs/screenshots/ on demo data.

Look at the PNGs after every UI change: clipped labels, boxes for missing glyphs, a window too large
for a 1366x768 laptop.
"""

import argparse
import os
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

WINDOW_SIZE = (1280, 720)


def _settle(app: Any, seconds: float = 0.3, until: Callable[[], bool] | None = None) -> None:
    deadline = time.monotonic() + (30 if until else seconds)
    while time.monotonic() < deadline:
        app.processEvents()
        if until is not None and until():
            return
        time.sleep(0.02)


def _wizard_pages(app: Any, window: Any, desk: Any, out: Path, prefix: str = "") -> int:
    """The CPC wizard's pages for Hélène Côté-Gagnon to a directory hospital."""
    from sqlalchemy import select

    from app.store.models import Member
    from ui.request.wizard import CpcWizard

    with desk.db.read() as session:
        member_id = session.scalar(select(Member.id).where(Member.cpso_number == "100001"))
    wizard = CpcWizard(window.ctx, member_id=member_id, parent=window)
    wizard.resize(1000, 700)
    wizard.open()
    _settle(app)
    names = [
        prefix + n for n in ("wizard-1-member", "wizard-2-recipient", "wizard-3-consent", "wizard-4-review")
    ]
    wizard.grab().save(str(out / f"{names[0]}.png"))
    wizard.next()
    _settle(app)
    page = wizard.recipient_page
    page.type_combo.setCurrentIndex(max(1, page.type_combo.findText("Hospital")))
    page.inst_combo.setCurrentIndex(1)
    _settle(app)
    wizard.grab().save(str(out / f"{names[1]}.png"))
    wizard.next()
    _settle(app)
    wizard.consent_page.consent.setChecked(True)
    wizard.consent_page.method.setCurrentIndex(wizard.consent_page.method.findData("phone"))
    _settle(app)
    wizard.grab().save(str(out / f"{names[2]}.png"))
    wizard.next()
    _settle(app, until=lambda: bool(wizard.review_page.previews_done))
    _settle(app)
    wizard.grab().save(str(out / f"{names[3]}.png"))
    wizard.reject()
    for name in names:
        print(f"wrote {out / (name + '.png')}")
    return 0


def _certificates(desk: Any, out: Path) -> int:
    """Hélène Côté-Gagnon's certificate as it will be issued: in English, in French and in both."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtPdf import QPdfDocument
    from sqlalchemy import select

    from app.store.models import Member

    with desk.db.read() as session:
        member_id = session.scalar(select(Member.id).where(Member.cpso_number == "100001"))

    # The certificate as it will be issued (the preview PDF: unsigned, number PREVIEW).
    from app.issuing.requests import preview_pdf
    from app.register.recipients import RecipientInput

    recipient = RecipientInput(
        institution_type="Hospital",
        institution_id=None,
        name="Toronto General Hospital",
        attention="Medical Affairs Office",
        street1="200 Elizabeth Street",
        street2="",
        street3="",
        street4="",
        city="Toronto",
        state="ON",
        country="CA",
        postal_code="M5G 2C4",
        email="credentialing@tgh.example.org",
    )

    def save_first_page(pdf: bytes, name: str) -> None:
        path = out / "certificate-preview.pdf"
        path.write_bytes(pdf)
        document = QPdfDocument()
        document.load(str(path))
        size = document.pagePointSize(0)
        image = document.render(0, QSize(int(size.width() * 1.6), int(size.height() * 1.6)))
        page_image = QImage(image.size(), QImage.Format.Format_RGB32)
        page_image.fill(QColor("white"))
        painter = QPainter(page_image)
        painter.drawImage(0, 0, image)
        painter.end()
        page_image.save(str(out / name))
        document.close()
        path.unlink()
        print(f"wrote {out / name}")

    save_first_page(preview_pdf(desk, desk.actor, member_id, recipient), "certificate.png")
    # The same member's certificate in French and in both languages, to a Francophone hospital.
    montfort = replace(
        recipient,
        name="Hôpital Montfort",
        attention="Bureau des affaires médicales",
        street1="713 chemin Montréal",
        city="Ottawa",
        postal_code="K1K 0T2",
        email="affaires.medicales@montfort.example.org",
    )
    for language in ("fr", "bilingual"):
        pdf = preview_pdf(desk, desk.actor, member_id, replace(montfort, language=language))
        save_first_page(pdf, f"certificate-{language}.png")
    return 0


def render_all(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select

    from app.access.staff import Actor
    from app.desk import Desk
    from app.store.models import Member, StaffRole
    from ui.common import messages
    from ui.shell.application import load_style
    from ui.shell.main_window import MainWindow
    from ui.shell.screens import SCREENS

    language = getattr(args, "language", "en") or "en"
    prefix = "" if language == "en" else f"{language}-"
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    width, _, height = str(getattr(args, "size", "") or "x".join(map(str, WINDOW_SIZE))).partition("x")
    size = (int(width), int(height))
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    load_style(app)
    from ui.common.fonts import install_application_fonts

    install_application_fonts()
    messages.record_only = True
    failures = 0
    with tempfile.TemporaryDirectory(prefix="cpc-shots-") as folder:
        if language != "en":
            from ui.shell.translations import install_language

            # As the desk does at start, before any window is built: compiled into the data folder.
            if not install_language(language, Path(folder) / "translations"):
                print(f"the {language} translations could not be installed (see above)")
                return 1
        desk = Desk.open(folder, actor=Actor("demo.admin", StaffRole.ADMIN, "Demo Administrator"))
        from app.register.demo import fill_if_empty

        fill_if_empty(desk)
        window = MainWindow()
        window.resize(*size)
        window.show()
        window.attach_desk(desk)
        _settle(app, until=lambda: bool(window.outbox_label.text()))  # the status bar's counts

        def shot(name: str) -> None:
            for _ in range(5):
                app.processEvents()
            window.grab().save(str(out / f"{prefix}{name}.png"))
            print(f"wrote {out / (prefix + name + '.png')}")

        shot("home")
        # Another language: the home, the profile and the wizard (the README's "Languages").
        for key in SCREENS if not prefix else ("profile",):
            try:
                window.open_screen(key)
                if key == "assistance":
                    # A search as typed at the phone desk: name parts in any order, no accents.
                    panel = window.screens[key].search
                    panel.box.setText("cote helene")
                    panel.search_now()
                    _settle(app, until=lambda p=panel: p.model.rowCount() > 0)  # type: ignore[misc]
                if key == "profile":
                    with desk.db.read() as session:
                        member_id = session.scalar(select(Member.id).where(Member.cpso_number == "100002"))
                    window.open_screen(key, member_id=member_id)
                    _settle(app, seconds=1.0)
                shot(f"screen-{key}")
            except Exception:  # noqa: BLE001 - one broken screen must not hide the others
                failures += 1
                traceback.print_exc()
            window.go_home()
        if not prefix:
            window.resize(700, 720)
            shot("home-narrow")
            window.resize(*size)
        try:
            failures += _wizard_pages(app, window, desk, out, prefix)
            if not prefix:
                failures += _certificates(desk, out)
        except Exception:  # noqa: BLE001 - report and go on
            failures += 1
            traceback.print_exc()
        if prefix:
            from ui.shell.translations import uninstall

            window.close()
            desk.close()
            uninstall()
            return 1 if failures else 0
        try:  # Copies of Documents and a request's message thread (issue 19)
            from ui.desk.document_screenshots import render_documents

            failures += render_documents(app, window.ctx, out)
        except Exception:  # noqa: BLE001 - report and go on
            failures += 1
            traceback.print_exc()
        window.close()
        desk.close()
    return 1 if failures else 0
