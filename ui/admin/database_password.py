"""At start-up: the database server's password, when it wants one that neither the OS keyring nor a
PGPASSFILE gave. Used to open this desk only; never stored (the OS keyring is `settings set-password
database`'s, on purpose). Nothing blocks: the dialog opens with open(), the desk is opened on a worker.
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.i18n import QT_TRANSLATE_NOOP, translate, translate_marked
from app.store.db import PASSWORD_HOME

# app.store.db.PASSWORD_HOME (also said on the command line), marked here to be translated where this
# dialog shows it; tests/test_admin_french.py checks that it is the same text.
MARKED_PASSWORD_HOME = QT_TRANSLATE_NOOP(
    "DatabasePassword",
    "keep it in the OS keyring ('settings set-password database') or a PGPASSFILE (~/.pgpass)",
)


class DatabasePasswordDialog(QDialog):
    """Asks the database password; `try_password(password)` opens the desk with it (on a worker) and calls
    back `refused()` when the server refuses it, so the dialog stays with its error and nothing is lost."""

    def __init__(
        self, account: str, try_password: Callable[[str], Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("databasePasswordDialog")
        self.setWindowTitle(translate("DatabasePassword", "Database password"))
        self.setModal(True)
        self._try = try_password
        layout = QVBoxLayout(self)
        text = QLabel(
            translate(
                "DatabasePassword",
                "The database server asks for the password of {account}. It is used to open this desk only "
                "and is not stored; to be asked no more, {home}.",
            ).format(account=account, home=translate_marked("DatabasePassword", PASSWORD_HOME))
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        self.password = QLineEdit()
        self.password.setObjectName("databasePassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(translate("DatabasePassword", "Database password"))
        layout.addWidget(self.password)
        self.error = QLabel("")
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.password.textEdited.connect(lambda _t: self.error.hide())

    def submit(self) -> None:
        if not self.password.text():
            self.show_error(translate("DatabasePassword", "Database password: type the password, or Cancel."))
            return
        self.buttons.setEnabled(False)
        self._try(self.password.text())

    def refused(self) -> None:
        """The server refused the password typed: say so beside the field; what was typed stays."""
        self.buttons.setEnabled(True)
        self.show_error(
            translate("DatabasePassword", "Database password: the server refused it. Check it and try again.")
        )
        self.password.selectAll()
        self.password.setFocus()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
