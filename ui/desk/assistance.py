"""The Assistance Desk: find a member in a keystroke, say where a request stands, open the profile.

The search runs off the GUI thread, ~150 ms after the last keystroke; each search carries a generation
number and a result that arrives after a newer search started is dropped, so a slow search never
overwrites what the person typed next.
"""

from typing import Any

import shiboken6
from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.access.staff import Permission
from app.desk import Desk
from app.errors import CpcDeskError
from app.i18n import QT_TRANSLATE_NOOP, translate, translate_marked
from app.register.members import MemberHit, find_in_register, where_is
from ui.common import workers
from ui.common.error_sentence import error_sentence
from ui.common.table_models import Column, RowsModel, SortProxy
from ui.shell.context import UiContext

DEBOUNCE_MS = 150
RESULT_LIMIT = 200


def idle_hint() -> str:
    return translate(
        "Assistance",
        "Type to search the register; Enter or a double-click opens the profile, ↓ moves to the results.",
    )


_MATCHED = {
    "cpso": QT_TRANSLATE_NOOP("Assistance", "CPSO number"),
    "name": QT_TRANSLATE_NOOP("Assistance", "name"),
    "certificate": QT_TRANSLATE_NOOP("Assistance", "certificate number"),
    "code": QT_TRANSLATE_NOOP("Assistance", "verification code"),
    "request": QT_TRANSLATE_NOOP("Assistance", "request number"),
}


def found_by(hit: MemberHit) -> str:
    """What the search matched, in words, and the certificate or request it found."""
    matched = _MATCHED.get(hit.matched)
    words = translate_marked("Assistance", matched) if matched else hit.matched
    if hit.certificate_number:
        return f"{words} {hit.certificate_number}"
    if hit.request_id:
        return f"{words} R-{hit.request_id:07d}"
    return words


# A member's status (app.store.models.MemberStatus), in words; a status not listed is shown as stored.
_STATUS = {
    "active": QT_TRANSLATE_NOOP("Assistance", "Active"),
    "suspended": QT_TRANSLATE_NOOP("Assistance", "Suspended"),
    "revoked": QT_TRANSLATE_NOOP("Assistance", "Revoked"),
    "resigned": QT_TRANSLATE_NOOP("Assistance", "Resigned"),
    "expired": QT_TRANSLATE_NOOP("Assistance", "Expired"),
    "deceased": QT_TRANSLATE_NOOP("Assistance", "Deceased"),
}


def status_words(status: str) -> str:
    label = _STATUS.get(str(status))
    return translate_marked("Assistance", label) if label else str(status).capitalize()


def hit_columns() -> list[Column[MemberHit]]:
    return [
        Column(
            translate("Assistance", "CPSO #"),
            lambda h: h.cpso_number,
            sort=lambda h: (len(h.cpso_number), h.cpso_number),
        ),
        Column(translate("Assistance", "Name"), lambda h: h.full_name),
        Column(translate("Assistance", "Class of registration"), lambda h: h.registration_class),
        Column(translate("Assistance", "Status"), lambda h: status_words(h.status)),
        Column(
            translate("Assistance", "Found by"),
            found_by,
        ),
    ]


def _complete_document_number(hit: MemberHit, typed: str) -> bool:
    """Open at once only for a whole number or code: "CPC-2026-00001" on its way to "…000012" must not."""
    if hit.matched == "code":
        return True
    return hit.matched == "certificate" and sum(c.isdigit() for c in typed) == 10


class _SearchBox(QLineEdit):
    """Down arrow moves to the results, as staff expect from a search field."""

    down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        super().keyPressEvent(event)


class MemberSearchPanel(QWidget):
    """Search box + results table. Emits `chosen(hit)` on Enter or double-click, and `document_found(hit)`
    at once when the text is a certificate number or verification code that exists."""

    chosen = Signal(object)
    document_found = Signal(object)
    results_shown = Signal(int)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.generation = 0
        self.searches_started = 0
        self.stale_dropped = 0
        self.last_query = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.box = _SearchBox()
        self.box.setObjectName("memberSearch")
        self.box.setPlaceholderText(
            translate("Assistance", "CPSO number, name in any order, certificate number or verification code")
        )
        self.box.setClearButtonEnabled(True)
        self.box.setAccessibleName(translate("Assistance", "Search members"))
        self.box.textChanged.connect(self._typed)
        self.box.returnPressed.connect(self._enter)
        self.box.down.connect(self._focus_results)
        layout.addWidget(self.box)

        self.count_label = QLabel(idle_hint())
        self.count_label.setObjectName("hint")
        layout.addWidget(self.count_label)

        self.model: RowsModel[MemberHit] = RowsModel(hit_columns(), self)
        self.proxy = SortProxy(self.model, self)
        self.table = QTableView()
        self.table.setObjectName("memberResults")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the search's own ranking at first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda index: self._choose_row(index.row()))
        self.table.activated.connect(lambda index: self._choose_row(index.row()))
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.box)

    # --- searching ------------------------------------------------------------------------------

    def _typed(self, _text: str) -> None:
        self._timer.start()  # restart: search once typing pauses

    def search_now(self) -> None:
        """Start a search for the box's text now; any search still running is superseded."""
        self._timer.stop()
        text = self.box.text().strip()
        self.generation += 1
        generation = self.generation
        self.last_query = text
        if not text:
            self.model.set_rows([])
            self.count_label.setText(idle_hint())
            return
        self.searches_started += 1
        desk = self.desk

        def job(_progress: Any, _cancelled: Any) -> tuple[int, list[MemberHit]]:
            return generation, find_in_register(desk, desk.actor, text, limit=RESULT_LIMIT)

        workers.start(job, on_finished=self.show_results, on_failed=self._failed)

    def show_results(self, result: tuple[int, list[MemberHit]]) -> None:
        generation, hits = result
        if generation != self.generation:
            self.stale_dropped += 1  # typed on since: a newer search is on its way
            return
        self.model.set_rows(hits)
        if not hits:
            self.count_label.setText(
                translate("Assistance", "No member, certificate or request matches “{0}”.").format(
                    self.last_query
                )
            )
        elif len(hits) >= RESULT_LIMIT:
            self.count_label.setText(
                translate("Assistance", "The first {0} matches; type more to narrow them.").format(len(hits))
            )
        else:
            self.count_label.setText(translate("Assistance", "%n match(es)", None, len(hits)))
        if hits:
            self.table.selectRow(0)
        self.results_shown.emit(len(hits))
        if len(hits) == 1 and _complete_document_number(hits[0], self.last_query):
            self.document_found.emit(hits[0])

    def _failed(self, exc: BaseException) -> None:
        message = error_sentence(exc)
        self.count_label.setText(translate("Assistance", "The search failed: {0}").format(message))

    # --- choosing -------------------------------------------------------------------------------

    def selected_hit(self) -> MemberHit | None:
        return self.proxy.selected_item(self.table, MemberHit)

    def _choose_row(self, proxy_row: int) -> None:
        item = self.proxy.row_item(proxy_row)
        if isinstance(item, MemberHit):
            self.chosen.emit(item)

    def _enter(self) -> None:
        if self._timer.isActive() or self.box.text().strip() != self.last_query:
            # Enter before the results came: search at once, then open the first one.
            self.results_shown.connect(self._open_first_once)
            self.search_now()
            return
        hit = self.selected_hit()
        if hit is not None:
            self.chosen.emit(hit)

    def _open_first_once(self, count: int) -> None:
        self.results_shown.disconnect(self._open_first_once)
        hit = self.selected_hit()
        if count and hit is not None:
            self.chosen.emit(hit)

    def _focus_results(self) -> None:
        if self.proxy.rowCount():
            self.table.setFocus()
            if not self.table.selectionModel().selectedRows():
                self.table.selectRow(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.hasFocus():
            index: QModelIndex = self.table.currentIndex()
            if index.isValid():
                self._choose_row(index.row())
                return
        super().keyPressEvent(event)


class AssistanceScreen(QWidget):
    """Search + status lookup; opens the profile of the member (and request) found."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, **_kwargs: Any) -> None:
        super().__init__(parent)
        self.ctx = ctx
        actor = ctx.desk.actor
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 18, 24, 18)
        outer.setSpacing(10)

        heading = QLabel(translate("Assistance", "Find a member"))
        heading.setObjectName("screenHeading")
        outer.addWidget(heading)
        self.search = MemberSearchPanel(ctx.desk)
        self.search.chosen.connect(self.open_profile)
        self.search.document_found.connect(self.open_profile)
        outer.addWidget(self.search, 1)

        buttons = QHBoxLayout()
        self.open_button = QPushButton(translate("Assistance", "&Open profile"))
        self.open_button.clicked.connect(self._open_selected)
        self.start_button = QPushButton(translate("Assistance", "&Start a CPC request"))
        self.start_button.clicked.connect(self._start_selected)
        self.start_button.setVisible(actor.can(Permission.FILE_REQUEST))
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.start_button)
        buttons.addStretch(1)
        self.institutions_button = QPushButton(translate("Assistance", "&Institution directory"))
        self.institutions_button.clicked.connect(lambda: ctx.open_screen("institutions"))
        self.import_button = QPushButton(translate("Assistance", "&Import register…"))
        self.import_button.setToolTip(
            translate("Assistance", "Add or update members from the register's CSV file")
        )
        self.import_button.clicked.connect(self.open_import)
        self.import_button.setVisible(actor.can(Permission.IMPORT))
        buttons.addWidget(self.institutions_button)
        buttons.addWidget(self.import_button)
        outer.addLayout(buttons)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        outer.addWidget(line)
        # Alt+W (the heading's mnemonic) or Ctrl+Shift+W puts the cursor in the look-up box.
        status_heading = QLabel(translate("Assistance", "&Where is my certificate?"))
        status_heading.setObjectName("sectionHeading")
        outer.addWidget(status_heading)
        row = QHBoxLayout()
        self.status_box = QLineEdit()
        self.status_box.setObjectName("statusLookup")
        self.status_box.setPlaceholderText(
            translate(
                "Assistance",
                "CPSO number, request number (R-0000123), certificate number or verification code",
            )
        )
        status_heading.setBuddy(self.status_box)
        self.status_box.setToolTip(translate("Assistance", "Alt+W or Ctrl+Shift+W"))
        QShortcut(QKeySequence("Ctrl+Shift+W"), self, self._focus_status_box)
        self.status_box.setAccessibleName(translate("Assistance", "Status lookup"))
        self.status_box.returnPressed.connect(lambda: self.look_up_status())
        self.status_button = QPushButton(translate("Assistance", "&Look up"))
        self.status_button.clicked.connect(lambda: self.look_up_status())
        row.addWidget(self.status_box, 1)
        row.addWidget(self.status_button)
        # The request's message thread (issue 19): for the number typed in the look-up box.
        self.messages_button = QPushButton(translate("Assistance", "&Messages…"))
        self.messages_button.setObjectName("messagesButton")
        self.messages_button.setToolTip(
            translate("Assistance", "The messages of the request typed here: write, record a reply or call")
        )
        self.messages_button.clicked.connect(self.open_thread)
        row.addWidget(self.messages_button)
        outer.addLayout(row)
        self.status_label = QLabel(
            translate(
                "Assistance", "The answer appears here, in one sentence, in this computer's local time."
            )
        )
        self.status_label.setObjectName("statusSentence")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.setMinimumHeight(40)
        outer.addWidget(self.status_label)
        self.unread_label = QLabel()
        self.unread_label.setObjectName("unreadMessages")
        self.unread_label.setWordWrap(True)
        self.unread_label.setStyleSheet("color: #1f5fa8; font-weight: bold;")
        outer.addWidget(self.unread_label)
        ctx.data_changed.connect(self.show_unread)
        self.show_unread()
        self.setFocusProxy(self.search)
        self._import_dialog: QWidget | None = None
        self._looked_up = ""
        ctx.data_changed.connect(self._refresh_status)

    def open_profile(self, hit: MemberHit) -> None:
        kwargs: dict[str, Any] = {"member_id": hit.member_id}
        if hit.request_id is not None:
            kwargs["request_id"] = hit.request_id
        if hit.certificate_id is not None:
            kwargs["certificate_id"] = hit.certificate_id
        self.ctx.open_screen("profile", **kwargs)

    def _open_selected(self) -> None:
        hit = self.search.selected_hit()
        if hit is not None:
            self.open_profile(hit)

    def _start_selected(self) -> None:
        hit = self.search.selected_hit()
        self.ctx.start_cpc_request(hit.member_id if hit else None)

    def _focus_status_box(self) -> None:
        self.status_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.status_box.selectAll()

    def _refresh_status(self) -> None:
        """A delivery state shown here changed elsewhere (the outbox sent it): look it up again."""
        if self._looked_up and self.isVisible() and self.status_box.text().strip() == self._looked_up:
            self.look_up_status(quiet=True)

    def look_up_status(self, quiet: bool = False) -> None:
        text = self.status_box.text().strip()
        if not text:
            self.status_label.setText(
                translate(
                    "Assistance",
                    "Type a CPSO number, request number, certificate number or verification code.",
                )
            )
            return
        desk = self.ctx.desk
        self._looked_up = text
        if not quiet:
            self.status_label.setText(translate("Assistance", "Looking up…"))

        def job(_progress: Any, _cancelled: Any) -> str | None:
            return where_is(desk, desk.actor, text)

        def show(sentence: str | None) -> None:
            if self.status_box.text().strip() != text:
                return  # superseded by a newer lookup
            self.status_label.setProperty("error", sentence is None)
            self.status_label.style().unpolish(self.status_label)
            self.status_label.style().polish(self.status_label)
            self.status_label.setText(
                sentence
                or translate(
                    "Assistance", "No request, certificate or verification code “{0}” was found."
                ).format(text)
            )

        workers.start(
            job, on_finished=show, on_failed=lambda exc: self.status_label.setText(error_sentence(exc))
        )

    def show_unread(self) -> None:
        """Requests with message entries no clerk has seen yet (a recorded reply or call)."""
        from app.issuing.messages import unread_by_request

        if not shiboken6.isValid(self.unread_label):
            return
        try:
            unread = unread_by_request(self.ctx.desk, self.ctx.desk.actor)
        except CpcDeskError:
            unread = {}
        shown = ", ".join(f"{number} ({count})" for number, count in sorted(unread.items())[:10])
        more = (
            translate("Assistance", " and %n more request(s)", None, len(unread) - 10)
            if len(unread) > 10
            else ""
        )
        self.unread_label.setText(
            translate("Assistance", "New messages not yet seen: {0}{1}").format(shown, more) if unread else ""
        )
        self.unread_label.setVisible(bool(unread))

    def open_thread(self) -> QWidget | None:
        from app.issuing.messages import request_number_for
        from ui.desk.thread_dialog import ThreadDialog

        text = self.status_box.text().strip()
        number = request_number_for(self.ctx.desk, self.ctx.desk.actor, text) if text else None
        if number is None:
            self.status_label.setText(
                translate(
                    "Assistance",
                    "Type a request number, certificate number or verification code to see its messages.",
                )
            )
            return None
        dialog = ThreadDialog(self.ctx, number, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.changed.connect(self.show_unread)
        dialog.open()
        self.show_unread()
        return dialog

    def open_import(self) -> None:
        from ui.admin.import_dialog import ImportDialog

        dialog = ImportDialog(self.ctx, kind="members", parent=self)
        self._import_dialog = dialog
        dialog.open()
