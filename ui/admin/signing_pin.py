"""After sign-in: the signing key's PIN (PKCS#11 token) or passphrase (PKCS#12 file), when the key needs one
and this session does not hold it. Kept in memory for the session only (app.document.signing), never
written. Nothing here blocks: the dialog opens with open(), the key is opened on the worker pool.
"""

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.desk import Desk
from app.document.signing import hold_signing_secret, signing_secret_needed
from app.i18n import translate
from ui.common import workers
from ui.common.error_sentence import error_sentence


class SigningPinDialog(QDialog):
    """Asks for what the signing key needs; Skip leaves issuing to ask again (it names what is missing)."""

    def __init__(self, desk: Desk, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setObjectName("signingPinDialog")
        self.setWindowTitle(translate("SigningPin", "Signing key"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        text = QLabel(
            translate(
                "SigningPin",
                "Certificates are signed with a key that needs {what}. It is kept for this session only.",
            ).format(what=what)
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        self.secret = QLineEdit()
        self.secret.setObjectName("signingPin")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setAccessibleName(translate("SigningPin", "PIN or passphrase"))
        layout.addWidget(self.secret)
        self.error = QLabel("")
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.skip = self.buttons.addButton(
            translate("SigningPin", "Skip"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.try_secret)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def try_secret(self) -> None:
        value = self.secret.text()
        desk = self.desk
        actor = desk.actor
        self.buttons.setEnabled(False)
        workers.start(
            lambda _p, _c: hold_signing_secret(desk, actor, value),
            on_finished=lambda _r: self.accept(),
            on_failed=self._failed,
            owner=self,
        )

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.secret.clear()
        self.error.setText(error_sentence(exc))
        self.error.show()


def ask_signing_pin_if_needed(desk: Desk, window: QWidget) -> SigningPinDialog | None:
    """Open the dialog when the configured signing key needs a PIN or passphrase this session lacks."""
    try:
        what = signing_secret_needed(desk)
    except Exception:  # noqa: BLE001 - a broken key setting is named when issuing; sign-in goes on
        return None
    if not what:
        return None
    dialog = SigningPinDialog(desk, what, window)
    dialog.open()
    return dialog
