"""Screenshots of issue 19 for the README: the three Copies of Documents as issued (rendered from their
signed PDFs; in English, and in French and both languages), the Copies of Documents dialog and a request's
message thread, on demo data.

Part of `python main.py screenshots`; on its own: `python -m ui.desk.document_screenshots [OUT]`.
"""

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

DEMO_MEMBER = "100002"  # François Étienne Lévesque: active, with terms, conditions and limitations


def _pdf_page_png(pdf: bytes, page: int, path: Path, scale: float) -> None:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtPdf import QPdfDocument

    with tempfile.TemporaryDirectory(prefix="cpc-doc-shot-") as folder:
        source = Path(folder) / "document.pdf"
        source.write_bytes(pdf)
        document = QPdfDocument()
        document.load(str(source))
        size = document.pagePointSize(page)
        image = document.render(page, QSize(int(size.width() * scale), int(size.height() * scale)))
        flat = QImage(image.size(), QImage.Format.Format_RGB32)
        flat.fill(QColor("white"))
        painter = QPainter(flat)
        painter.drawImage(0, 0, image)
        painter.end()
        flat.save(str(path))
        document.close()
    print(f"wrote {path}")


def render_documents(app: Any, ctx: Any, out: Path) -> int:
    """Issue the three documents to the demo member, write their PNGs, and the two dialogs; failures."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from sqlalchemy import select

    from app.issuing.documents import document_pdf, issue_copies
    from app.issuing.messages import record_message, send_message
    from app.store.models import Member, MessageChannel
    from ui.desk.copies_dialog import CopiesDialog
    from ui.desk.thread_dialog import ThreadDialog

    desk = ctx.desk
    desk.offline = True  # queued, never sent: screenshots send no email
    issued = issue_copies(desk, desk.actor, DEMO_MEMBER, ["registration", "card", "diploma"])
    pdfs = {c.kind: document_pdf(desk, desk.actor, c.number) for c in issued.copies}
    _pdf_page_png(pdfs["registration"], 0, out / "document-registration.png", 1.3)
    _pdf_page_png(pdfs["card"], 0, out / "document-card-front.png", 3.0)
    _pdf_page_png(pdfs["card"], 1, out / "document-card-back.png", 3.0)
    _pdf_page_png(pdfs["card"], 2, out / "document-card-sheet.png", 1.3)
    _pdf_page_png(pdfs["diploma"], 0, out / "document-diploma.png", 1.3)
    # The same documents in French and in both languages (issue 20)
    for language in ("fr", "bilingual"):
        again = issue_copies(desk, desk.actor, DEMO_MEMBER, list(pdfs), language=language)
        shots = {c.kind: document_pdf(desk, desk.actor, c.number) for c in again.copies}
        _pdf_page_png(shots["registration"], 0, out / f"document-registration-{language}.png", 1.3)
        _pdf_page_png(shots["card"], 0, out / f"document-card-front-{language}.png", 3.0)
        _pdf_page_png(shots["diploma"], 0, out / f"document-diploma-{language}.png", 1.3)

    number = issued.request_number
    record_message(
        desk,
        desk.actor,
        number,
        "Dr. Lévesque phoned: the card should go to his new address, and could we resend the diploma?",
        channel=MessageChannel.PHONE_CALL,
    )
    send_message(
        desk,
        desk.actor,
        number,
        "Dear Dr. Lévesque,\n\nThe card and diploma were emailed to the address on file today. "
        "Please check your junk mail folder; if they are not there, reply and we will send them again.",
        subject="Your Membership Card",
    )
    record_message(
        desk, desk.actor, number, "Found them in junk mail, thank you.", channel=MessageChannel.REPLY_RECORDED
    )
    thread = ThreadDialog(ctx, number)
    thread.resize(760, 640)
    thread.show()
    for _ in range(10):
        app.processEvents()
    thread.grab().save(str(out / "thread.png"))
    print(f"wrote {out / 'thread.png'}")
    thread.close()

    with desk.db.read() as session:
        member_id = session.scalar(select(Member.id).where(Member.cpso_number == DEMO_MEMBER))
    dialog = CopiesDialog(ctx, member_id=member_id)
    dialog.kind_boxes["card"].setChecked(True)
    dialog.kind_boxes["diploma"].setChecked(True)
    dialog.resize(680, 420)
    dialog.show()
    for _ in range(10):
        app.processEvents()
    dialog.grab().save(str(out / "copies.png"))
    print(f"wrote {out / 'copies.png'}")
    dialog.close()
    # Deleted by Qt now, while the desk and the application exist, not by Python's collector at exit
    # (which deleted a shared object directly and crashed the screenshots command as it ended).
    for window in (thread, dialog):
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return 0


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.access.staff import Actor
    from app.desk import Desk
    from app.register.demo import fill_if_empty
    from app.store.models import StaffRole
    from ui.common import messages
    from ui.common.fonts import install_application_fonts
    from ui.shell.application import load_style
    from ui.shell.context import UiContext

    out = Path(argv[0] if argv else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    load_style(app)
    install_application_fonts()
    messages.record_only = True
    with tempfile.TemporaryDirectory(prefix="cpc-shots-") as folder:
        desk = Desk.open(folder, actor=Actor("demo.clerk", StaffRole.CLERK, "Demo Clerk"))
        fill_if_empty(desk)
        try:
            return render_documents(app, UiContext(desk), out)
        finally:
            desk.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
