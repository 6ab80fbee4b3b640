"""The Staff accounts screen (administrators): add accounts, change roles, reset passwords, deactivate,
unlock after too many wrong passwords. Every change goes through app.access.staff, which checks and audits
it."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.access.staff import (
    Permission,
    change_password,
    create_staff_user,
    list_staff,
    set_active,
    set_role,
    unlock,
)
from app.i18n import QT_TRANSLATE_NOOP, translate, translate_marked
from app.store.models import StaffRole, StaffUser, utcnow
from ui.common import messages, workers
from ui.common.error_sentence import error_sentence
from ui.shell.context import UiContext

ROLE_LABELS = {
    StaffRole.CLERK: QT_TRANSLATE_NOOP("StaffScreen", "Clerk"),
    StaffRole.REGISTRAR: QT_TRANSLATE_NOOP("StaffScreen", "Registrar"),
    StaffRole.ADMIN: QT_TRANSLATE_NOOP("StaffScreen", "Administrator"),
}


def role_label(role: StaffRole) -> str:
    """A role's name, in the desk's language."""
    return translate_marked("StaffScreen", ROLE_LABELS[role])


def _role_combo() -> QComboBox:
    combo = QComboBox()
    for role in ROLE_LABELS:
        combo.addItem(role_label(role), role.value)
    return combo


class StaffScreen(QWidget):
    COLUMNS = (
        QT_TRANSLATE_NOOP("StaffScreen", "Username"),
        QT_TRANSLATE_NOOP("StaffScreen", "Name"),
        QT_TRANSLATE_NOOP("StaffScreen", "Role"),
        QT_TRANSLATE_NOOP("StaffScreen", "Active"),
        QT_TRANSLATE_NOOP("StaffScreen", "Locked until"),
    )

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, **_kwargs: Any) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("staffScreen")
        self.users: list[StaffUser] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        actor = ctx.desk.actor
        self.allowed = actor.can(Permission.MANAGE_STAFF)
        if not self.allowed:
            notice = QLabel(
                translate(
                    "StaffScreen",
                    "Staff accounts are managed by administrators. You are signed in as {0} ({1}).",
                ).format(actor.display_name or actor.username, role_label(actor.role))
            )
            notice.setObjectName("notAllowed")
            notice.setWordWrap(True)
            layout.addWidget(notice)
            layout.addStretch(1)
            return

        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("staffTable")
        self.table.setHorizontalHeaderLabels([translate_marked("StaffScreen", c) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)

        row = QHBoxLayout()
        # --- the selected account
        selected = QGroupBox(translate("StaffScreen", "Selected account"))
        sform = QFormLayout(selected)
        self.selected_label = QLabel(translate("StaffScreen", "(none)"))
        self.selected_label.setObjectName("selectedUser")
        self.role = _role_combo()
        self.role.setObjectName("selectedRole")
        self.apply_role_button = QPushButton(translate("StaffScreen", "Change &role"))
        self.apply_role_button.setObjectName("applyRoleButton")
        self.apply_role_button.clicked.connect(self.apply_role)
        role_row = QHBoxLayout()
        role_row.addWidget(self.role, 1)
        role_row.addWidget(self.apply_role_button)
        self.reset_password = QLineEdit()
        self.reset_password.setObjectName("resetPassword")
        self.reset_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.reset_password.setAccessibleName(translate("StaffScreen", "New password"))
        self.reset_button = QPushButton(translate("StaffScreen", "Set &password"))
        self.reset_button.setObjectName("resetButton")
        self.reset_button.clicked.connect(self.apply_password)
        pw_row = QHBoxLayout()
        pw_row.addWidget(self.reset_password, 1)
        pw_row.addWidget(self.reset_button)
        self.active_button = QPushButton(translate("StaffScreen", "&Deactivate"))
        self.active_button.setObjectName("activeButton")
        self.active_button.clicked.connect(self.toggle_active)
        self.unlock_button = QPushButton(translate("StaffScreen", "&Unlock"))
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.clicked.connect(self.apply_unlock)
        act_row = QHBoxLayout()
        act_row.addWidget(self.active_button)
        act_row.addWidget(self.unlock_button)
        act_row.addStretch(1)
        sform.addRow(translate("StaffScreen", "Account:"), self.selected_label)
        sform.addRow(translate("StaffScreen", "Role:"), role_row)
        sform.addRow(translate("StaffScreen", "New password:"), pw_row)
        sform.addRow("", act_row)
        row.addWidget(selected, 1)

        # --- a new account
        new = QGroupBox(translate("StaffScreen", "Add an account"))
        nform = QFormLayout(new)
        self.new_username = QLineEdit()
        self.new_username.setObjectName("newUsername")
        self.new_username.setMaxLength(64)
        self.new_name = QLineEdit()
        self.new_name.setObjectName("newName")
        self.new_name.setMaxLength(200)
        self.new_role = _role_combo()
        self.new_role.setObjectName("newRole")
        self.new_password = QLineEdit()
        self.new_password.setObjectName("newPassword")
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_button = QPushButton(translate("StaffScreen", "&Add account"))
        self.add_button.setObjectName("addButton")
        self.add_button.clicked.connect(self.add_account)
        nform.addRow(translate("StaffScreen", "User&name:"), self.new_username)
        nform.addRow(translate("StaffScreen", "Na&me:"), self.new_name)
        nform.addRow(translate("StaffScreen", "R&ole:"), self.new_role)
        nform.addRow(translate("StaffScreen", "Pass&word:"), self.new_password)
        nform.addRow("", self.add_button)
        row.addWidget(new, 1)
        layout.addLayout(row)
        self.status = QLabel("")
        self.status.setObjectName("staffStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self._selection_changed()
        self.reload()

    # --- list -------------------------------------------------------------------------------------

    def reload(self) -> None:
        desk, actor = self.ctx.desk, self.ctx.desk.actor
        workers.start(lambda _p, _c: list_staff(desk, actor), on_finished=self._show, on_failed=self._failed)

    def _show(self, users: list[StaffUser]) -> None:
        keep = self.selected_username()
        self.users = users
        self.table.setRowCount(len(users))
        now = utcnow()
        for r, user in enumerate(users):
            locked = user.locked_until if user.locked_until and user.locked_until > now else None
            values = (
                user.username,
                user.display_name,
                role_label(user.role),
                translate("StaffScreen", "yes") if user.active else translate("StaffScreen", "no"),
                locked.astimezone().strftime("%Y-%m-%d %H:%M") if locked else "",
            )
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, user.username)
                self.table.setItem(r, c, item)
            if user.username == keep:
                self.table.selectRow(r)
        self._selection_changed()

    def selected_username(self) -> str:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return ""
        item = self.table.item(rows[0].row(), 0)
        return item.text() if item is not None else ""

    def select(self, username: str) -> None:
        for r, user in enumerate(self.users):
            if user.username == username:
                self.table.selectRow(r)
                return

    def _selection_changed(self) -> None:
        name = self.selected_username()
        user = next((u for u in self.users if u.username == name), None)
        for w in (self.apply_role_button, self.reset_button, self.active_button, self.unlock_button):
            w.setEnabled(user is not None)
        if user is None:
            self.selected_label.setText(translate("StaffScreen", "(none) — choose an account in the list"))
            return
        self.selected_label.setText(f"{user.username} — {user.display_name}")
        self.role.setCurrentIndex(self.role.findData(user.role.value))
        self.active_button.setText(
            translate("StaffScreen", "&Deactivate")
            if user.active
            else translate("StaffScreen", "Re&activate")
        )
        self.unlock_button.setEnabled(bool(user.locked_until and user.locked_until > utcnow()))

    # --- changes ----------------------------------------------------------------------------------

    def _run(self, job: Callable[[], Any], done_text: str) -> None:
        def finished(_result: Any) -> None:
            self.status.setText(done_text)
            self.ctx.status_message.emit(done_text)
            self.reload()

        workers.start(lambda _p, _c: job(), on_finished=finished, on_failed=self._failed)

    def _failed(self, exc: BaseException) -> None:
        message = error_sentence(exc)
        self.status.setText(message)
        messages.error(self, translate("StaffScreen", "Staff accounts"), message)

    def apply_role(self) -> None:
        desk, actor, name = self.ctx.desk, self.ctx.desk.actor, self.selected_username()
        role = StaffRole(self.role.currentData())
        self._run(
            lambda: set_role(desk, actor, name, role),
            translate("StaffScreen", "{0} is now {1}.").format(name, role_label(role)),
        )

    def apply_password(self) -> None:
        desk, actor, name = self.ctx.desk, self.ctx.desk.actor, self.selected_username()
        password = self.reset_password.text()
        self.reset_password.clear()
        self._run(
            lambda: change_password(desk, actor, name, password),
            translate("StaffScreen", "Password of {0} changed.").format(name),
        )

    def toggle_active(self) -> None:
        desk, actor, name = self.ctx.desk, self.ctx.desk.actor, self.selected_username()
        user = next(u for u in self.users if u.username == name)
        active = not user.active
        text = (
            translate("StaffScreen", "{0} reactivated.")
            if active
            else translate("StaffScreen", "{0} deactivated.")
        )
        self._run(lambda: set_active(desk, actor, name, active), text.format(name))

    def apply_unlock(self) -> None:
        desk, actor, name = self.ctx.desk, self.ctx.desk.actor, self.selected_username()
        self._run(lambda: unlock(desk, actor, name), translate("StaffScreen", "{0} unlocked.").format(name))

    def add_account(self) -> None:
        desk, actor = self.ctx.desk, self.ctx.desk.actor
        username, name = self.new_username.text(), self.new_name.text()
        role, password = StaffRole(self.new_role.currentData()), self.new_password.text()

        def finished(user: StaffUser) -> None:
            self.new_username.clear()
            self.new_name.clear()
            self.new_password.clear()
            self.status.setText(translate("StaffScreen", "Account {0} added.").format(user.username))
            self.reload()

        workers.start(
            lambda _p, _c: create_staff_user(desk, actor, username, name, role, password),
            on_finished=finished,
            on_failed=self._failed,
        )
