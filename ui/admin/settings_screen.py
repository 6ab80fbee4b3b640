"""The Settings screen: every option of app.settings, grouped, checked exactly as `settings set` checks
it; the SMTP password (kept in the OS keyring, or for this session only when there is no secure one);
"Send a test message" (naming the step that failed); OAuth 2.0 sign-in for Microsoft 365 and Google
Workspace (its secret, certificate or service account key stored like the password); and the offline
switch."""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.access import secrets
from app.access.staff import Permission
from app.document.verification_address import check_verification_address
from app.errors import CpcDeskError, ValidationError, ValidationErrors
from app.i18n import QT_TRANSLATE_NOOP, translate
from app.mail.mail_check import send_test_message
from app.setting_changes import INTERNAL_KEYS, change_settings, mail_settings_problem, store_secret
from app.settings import OPTIONS, Option
from ui.admin.setting_texts import applies_at_next_start, choice_label, group_title, option_label
from ui.common import messages, workers
from ui.common.error_sentence import error_sentence
from ui.common.field_errors import field_errors
from ui.shell.context import UiContext

GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (QT_TRANSLATE_NOOP("SettingsScreen", "Mail delivery"), ("mail.offline", "mail.demo_server")),
    (
        QT_TRANSLATE_NOOP("SettingsScreen", "Mail server"),
        (
            "smtp.host",
            "smtp.port",
            "smtp.security",
            "smtp.auth",
            "smtp.oauth.tenant",
            "smtp.oauth.client_id",
            "smtp.username",
            "smtp.from_address",
            "smtp.reply_to",
            "smtp.bcc_archive",
            "smtp.timeout_seconds",
            "smtp.max_attempts",
            "smtp.ca_file",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("SettingsScreen", "Issuing body"),
        ("issuer.name", "issuer.name_fr", "issuer.address", "issuer.logo", "issuer.demo"),
    ),
    (
        QT_TRANSLATE_NOOP("SettingsScreen", "Registrar"),
        ("registrar.name", "registrar.title", "registrar.title_fr", "registrar.signature_image"),
    ),
    (
        QT_TRANSLATE_NOOP("SettingsScreen", "Certificates"),
        (
            "verification.url",
            "validity.default_days",
            "validity.days_by_type",
            "consent.statement",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("SettingsScreen", "Signing"),
        (
            "signing.root_certificate",
            "signing.pkcs12_path",
            "signing.pkcs11_module",
            "signing.pkcs11_token",
            "signing.pkcs11_key",
            "signing.tsa_url",
            "signing.tsa_root_certificate",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("SettingsScreen", "This desk"),
        (
            "desk.language",
            "database.url",
            "session.lock_minutes",
            "session.max_failed_signins",
            "session.lockout_minutes",
        ),
    ),
)
# smtp.oauth.authority is for tests only (an identity platform on this computer): not offered here.
HIDDEN = INTERNAL_KEYS | {"mail.paused", "smtp.oauth.authority"}
OAUTH_ONLY = ("smtp.oauth.tenant", "smtp.oauth.client_id")


def _groups() -> list[tuple[str, list[str]]]:
    """The groups above, plus any option added later under "Other", so no setting is ever unreachable."""
    placed = {k for _title, keys in GROUPS for k in keys}
    groups = [(title, [k for k in keys if k in OPTIONS]) for title, keys in GROUPS]
    rest = [k for k in OPTIONS if k not in placed and k not in HIDDEN]
    if rest:
        groups.append((QT_TRANSLATE_NOOP("SettingsScreen", "Other"), rest))
    return groups


class Field:
    """One option's editor and its inline error label. A choice is shown by its name (setting_texts)
    and stored as its value."""

    def __init__(self, option: Option) -> None:
        self.option = option
        self.widget: QWidget
        if option.kind is bool:
            box = QCheckBox(option_label(option))
            self.widget = box
        elif option.choices:
            combo = QComboBox()
            for value in option.choices:
                combo.addItem(choice_label(option, value), value)
            self.widget = combo
        elif option.multiline:
            text = QPlainTextEdit()
            text.setTabChangesFocus(True)
            text.setFixedHeight(64)
            self.widget = text
        else:
            self.widget = QLineEdit()
        self.widget.setObjectName(f"setting:{option.key}")
        self.widget.setToolTip(option.key)
        self.widget.setAccessibleName(option_label(option))
        self.error = QLabel("")
        self.error.setProperty("error", True)
        self.error.setWordWrap(True)
        self.error.hide()

    def set_value(self, value: Any) -> None:
        w = self.widget
        if isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QComboBox):
            index = w.findData(str(value))
            if index < 0:  # a value the screen has no name for (set by hand in the file): shown as stored
                w.addItem(str(value), str(value))
                index = w.count() - 1
            w.setCurrentIndex(index)
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText(str(value))
        elif isinstance(w, QLineEdit):
            w.setText(str(value))
            w.setCursorPosition(0)

    def raw(self) -> Any:
        w = self.widget
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QComboBox):
            return str(w.currentData())
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        assert isinstance(w, QLineEdit)
        return w.text()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def connect_changed(self, slot: Any) -> None:
        w = self.widget
        if isinstance(w, QCheckBox):
            w.toggled.connect(slot)
        elif isinstance(w, QComboBox):
            w.currentIndexChanged.connect(slot)
        elif isinstance(w, QPlainTextEdit):
            w.textChanged.connect(slot)
        elif isinstance(w, QLineEdit):
            w.textEdited.connect(slot)


class SettingsScreen(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None, **_kwargs: Any) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("settingsScreen")
        self.fields: dict[str, Field] = {}
        self.rows: dict[str, QVBoxLayout] = {}  # each option's label and field, one row of its form
        self._loading = False
        self.can_edit = ctx.desk.actor.can(Permission.SETTINGS)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 12)
        top = QHBoxLayout()
        heading = QLabel(translate("SettingsScreen", "Settings"))
        heading.setObjectName("screenHeading")
        self.save_button = QPushButton(translate("SettingsScreen", "&Save changes"))
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(translate("SettingsScreen", "Re&vert"))
        self.revert_button.clicked.connect(self.load)
        self.status = QLabel("")
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.revert_button)
        top.addWidget(self.save_button)
        outer.addLayout(top)
        outer.addWidget(self.status)
        if not self.can_edit:
            note = QLabel(
                translate(
                    "SettingsScreen",
                    "Only an administrator can change settings; you can read them and send a test email.",
                )
            )
            note.setObjectName("hint")
            outer.addWidget(note)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

        content = QWidget()
        content.setObjectName("settingsContent")
        columns = QHBoxLayout(content)
        left, right = QVBoxLayout(), QVBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        for index, (title, keys) in enumerate(_groups()):
            box = QGroupBox(group_title(title))
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
            for key in keys:
                field = Field(OPTIONS[key])
                self.fields[key] = field
                field.widget.setEnabled(self.can_edit)
                field.connect_changed(self._changed)
                if key == "desk.language":
                    holder = self._beside(field, applies_at_next_start())
                else:
                    holder = QVBoxLayout()
                    holder.setSpacing(2)
                    holder.addWidget(field.widget)
                    holder.addWidget(field.error)
                if OPTIONS[key].kind is bool:
                    form.addRow(holder)
                else:
                    # Labels sit above their fields, across the whole column: the descriptions are long
                    # (longer in French) and wrap there; a form's label column would wrap them narrow.
                    label = QLabel(option_label(OPTIONS[key]))
                    label.setToolTip(key)
                    label.setWordWrap(True)
                    label.setBuddy(field.widget)
                    row = QVBoxLayout()
                    row.setSpacing(2)
                    row.addWidget(label)
                    row.addLayout(holder)
                    self.rows[key] = row
                    form.addRow(row)
                if key == "verification.url":
                    self._add_verification_test(form)
            if title == "Mail delivery":
                self.pause_label = QLabel("")
                self.pause_label.setWordWrap(True)
                self.pause_label.setProperty("error", True)
                form.addRow(self.pause_label)
            if title == "Mail server":
                self.mail_form = form
                self._add_password_and_test(form)

            (left if index < 2 else right).addWidget(box)
        left.addStretch(1)
        right.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll, 1)
        self.load()

    def _beside(self, field: Field, note: str) -> QVBoxLayout:
        """The field with a short note to its right (and its error line under both)."""
        hint = QLabel(note)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(field.widget)
        row.addWidget(hint, 1)
        holder = QVBoxLayout()
        holder.setSpacing(2)
        holder.addLayout(row)
        holder.addWidget(field.error)
        return holder

    # --- password and test ------------------------------------------------------------------------

    def _add_password_and_test(self, form: QFormLayout) -> None:
        self.keyring_label = QLabel("")
        self.keyring_label.setWordWrap(True)
        self.keyring_label.setObjectName("keyringStatus")
        form.addRow(translate("SettingsScreen", "Password store"), self.keyring_label)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(
            translate("SettingsScreen", "SMTP password (not shown, never saved in a file)")
        )
        self.password_edit.setAccessibleName(translate("SettingsScreen", "SMTP password"))
        self.session_only = QCheckBox(translate("SettingsScreen", "Keep for this session only"))
        self.session_only.setToolTip(
            translate("SettingsScreen", "The password is forgotten when CPC Desk closes")
        )
        self.password_button = QPushButton(translate("SettingsScreen", "Store &password"))
        self.password_button.clicked.connect(self.store_password)
        self.password_edit.returnPressed.connect(self.store_password)
        row = QHBoxLayout()
        row.addWidget(self.password_edit, 1)
        row.addWidget(self.password_button)
        self.password_error = QLabel("")
        self.password_error.setProperty("error", True)
        self.password_error.setWordWrap(True)
        holder = QVBoxLayout()
        holder.addLayout(row)
        holder.addWidget(self.session_only)  # its own line: the field keeps its room in every language
        holder.addWidget(self.password_error)
        form.addRow(translate("SettingsScreen", "SMTP password"), holder)
        self.password_row = holder
        for w in (self.password_edit, self.session_only, self.password_button):
            w.setEnabled(self.can_edit)
        self._add_oauth_secret(form)
        self.fields["smtp.auth"].connect_changed(self._show_auth_rows)

        self.test_to = QLineEdit()
        self.test_to.setPlaceholderText(translate("SettingsScreen", "address to send the test to"))
        self.test_to.setAccessibleName(translate("SettingsScreen", "Send a test email to"))
        self.test_button = QPushButton(translate("SettingsScreen", "Send a &test message"))
        self.test_button.clicked.connect(self.send_test)
        row2 = QHBoxLayout()
        row2.addWidget(self.test_to, 1)
        row2.addWidget(self.test_button)
        # The address the test goes to is checked by the mail service in the worker; its problem shows here.
        self.test_to_error = QLabel("")
        self.test_to_error.setObjectName("testToError")
        self.test_to_error.setProperty("error", True)
        self.test_to_error.setWordWrap(True)
        self.test_to_error.hide()
        self.test_result = QLabel("")
        self.test_result.setWordWrap(True)
        self.test_result.setObjectName("testResult")
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        holder2 = QVBoxLayout()
        holder2.addLayout(row2)
        holder2.addWidget(self.test_to_error)
        holder2.addWidget(self.test_result)
        form.addRow(translate("SettingsScreen", "Send a test email to"), holder2)

    def _add_verification_test(self, form: QFormLayout) -> None:
        """Under the verification address: try it, as a hospital's browser would reach it."""
        self.verification_button = QPushButton(translate("SettingsScreen", "Test the &verification address"))
        self.verification_button.setToolTip(
            translate(
                "SettingsScreen",
                "Fetch the address and check that the College's verification page answers there",
            )
        )
        self.verification_button.clicked.connect(self.test_verification)
        self.verification_result = QLabel("")
        self.verification_result.setObjectName("verificationResult")
        self.verification_result.setWordWrap(True)
        self.verification_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        holder = QVBoxLayout()
        holder.addWidget(self.verification_button, 0, Qt.AlignmentFlag.AlignLeft)
        holder.addWidget(self.verification_result)
        form.addRow(holder)

    def test_verification(self) -> None:
        url = str(self.fields["verification.url"].raw()).strip()
        self.verification_button.setEnabled(False)
        self.verification_result.setProperty("error", False)
        self.verification_result.setText(translate("SettingsScreen", "Trying {0}…").format(url))

        def job(_p: Any, _c: Any) -> str:
            return check_verification_address(url)

        def done(text: str, error: bool) -> None:
            self.verification_button.setEnabled(True)
            self.verification_result.setText(text)
            self.verification_result.setProperty("error", error)
            self.verification_result.style().unpolish(self.verification_result)
            self.verification_result.style().polish(self.verification_result)

        workers.start(
            job,
            on_finished=lambda text: done(str(text), False),
            on_failed=lambda exc: done(error_sentence(exc), True),
            owner=self,
        )

    def _add_oauth_secret(self, form: QFormLayout) -> None:
        """Microsoft 365's client secret, or a file: its certificate with the private key (PEM), or a
        Google service account's JSON key. Stored through the same door as the password."""
        self.oauth_edit = QLineEdit()
        self.oauth_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.oauth_edit.setPlaceholderText(
            translate("SettingsScreen", "client secret (not shown, never saved in a file)")
        )
        self.oauth_edit.setAccessibleName(translate("SettingsScreen", "OAuth secret"))
        self.oauth_button = QPushButton(translate("SettingsScreen", "Store &secret"))
        self.oauth_button.clicked.connect(lambda: self.store_oauth_secret(self.oauth_edit.text()))
        self.oauth_edit.returnPressed.connect(lambda: self.store_oauth_secret(self.oauth_edit.text()))
        self.oauth_file_button = QPushButton(translate("SettingsScreen", "From a &file…"))
        self.oauth_file_button.setToolTip(
            translate(
                "SettingsScreen",
                "A certificate with its private key (PEM), or a Google service account key (JSON)",
            )
        )
        self.oauth_file_button.clicked.connect(self._choose_oauth_file)
        row = QHBoxLayout()
        row.addWidget(self.oauth_edit, 1)
        row.addWidget(self.oauth_button)
        row.addWidget(self.oauth_file_button)
        self.oauth_error = QLabel("")
        self.oauth_error.setProperty("error", True)
        self.oauth_error.setWordWrap(True)
        holder = QVBoxLayout()
        holder.addLayout(row)
        holder.addWidget(self.oauth_error)
        form.addRow(translate("SettingsScreen", "OAuth secret, certificate or key"), holder)
        self.oauth_row = holder
        for w in (self.oauth_edit, self.oauth_button, self.oauth_file_button):
            w.setEnabled(self.can_edit)

    def _show_auth_rows(self, *_args: Any) -> None:
        oauth = self.fields["smtp.auth"].raw() != "password"
        form = self.mail_form
        form.setRowVisible(self.password_row, not oauth)
        form.setRowVisible(self.oauth_row, oauth)
        microsoft = self.fields["smtp.auth"].raw() == "oauth2-microsoft"
        for key in OAUTH_ONLY:
            form.setRowVisible(self._holder_of(key), microsoft)
            error = self.fields[key].error
            error.setVisible(microsoft and bool(error.text()))
        # showing a row shows all it holds: what is hidden on purpose is hidden again
        self.session_only.setVisible(not oauth and not secrets.status().secure)

    def _holder_of(self, key: str) -> Any:
        # the form's row that holds a field, its label and its error line
        return self.rows.get(key, self.fields[key].widget)

    def _choose_oauth_file(self) -> None:
        dialog = QFileDialog(
            self, translate("SettingsScreen", "Certificate (PEM) or service account key (JSON)")
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(
            [
                translate("SettingsScreen", "Keys (*.pem *.json *.key)"),
                translate("SettingsScreen", "All files (*)"),
            ]
        )
        dialog.fileSelected.connect(self.store_oauth_file)
        dialog.open()

    def store_oauth_file(self, path: str) -> None:
        try:
            with open(path, encoding="utf-8") as fh:
                text = fh.read(64 * 1024)
        except (OSError, UnicodeDecodeError) as exc:
            self.oauth_error.setText(
                translate("SettingsScreen", "OAuth secret: the file cannot be read ({0}).").format(exc)
            )
            return
        self.store_oauth_secret(text)

    def store_oauth_secret(self, value: str) -> None:
        if self.dirty() and not self.save():  # the secret is checked against the saved smtp.auth
            return
        state = secrets.status()
        desk = self.ctx.desk
        try:
            store_secret(desk, desk.actor, secrets.SMTP_OAUTH_ENTRY, value, session_only=not state.secure)
        except CpcDeskError as exc:
            self.oauth_error.setText(str(exc))
            return
        self.oauth_edit.clear()
        self.oauth_error.setText("")
        self._show_keyring()
        self.status.setText(
            translate("SettingsScreen", "The OAuth secret is kept for this session only.")
            if not state.secure
            else translate("SettingsScreen", "The OAuth secret is stored in the OS keyring.")
        )
        self.ctx.data_changed.emit()

    def _show_keyring(self) -> None:
        state = secrets.status()
        stored = secrets.get_secret(secrets.SMTP_PASSWORD_ENTRY) is not None
        text = (
            state.message
            + " "
            + (
                translate("SettingsScreen", "An SMTP password is stored.")
                if stored
                else translate("SettingsScreen", "No SMTP password is stored.")
            )
        )
        if str(self.ctx.desk.settings.get("smtp.auth")) != "password":
            has_oauth = secrets.get_secret(secrets.SMTP_OAUTH_ENTRY) is not None
            stored_text = (
                translate("SettingsScreen", "An OAuth secret is stored.")
                if has_oauth
                else translate("SettingsScreen", "No OAuth secret is stored.")
            )
            text += " " + stored_text
        self.keyring_label.setText(text)
        self.keyring_label.setProperty("error", not state.secure)
        self.keyring_label.style().unpolish(self.keyring_label)
        self.keyring_label.style().polish(self.keyring_label)
        self.session_only.setVisible(not state.secure and self.fields["smtp.auth"].raw() == "password")
        if not state.secure:
            self.session_only.setChecked(True)

    def store_password(self) -> None:
        value = self.password_edit.text()
        if not value:
            self.password_error.setText(
                translate("SettingsScreen", "SMTP password: type the password first.")
            )
            return
        state = secrets.status()
        session_only = not state.secure and self.session_only.isChecked()
        if not state.secure and not session_only:
            self.password_error.setText(
                translate(
                    "SettingsScreen",
                    "SMTP password: there is no secure password store; tick 'Keep for this session only'.",
                )
            )
            return
        desk = self.ctx.desk
        try:
            store_secret(desk, desk.actor, secrets.SMTP_PASSWORD_ENTRY, value, session_only=session_only)
        except CpcDeskError as exc:
            self.password_error.setText(str(exc))
            return
        self.password_edit.clear()
        self.password_error.setText("")
        self._show_keyring()
        self.status.setText(
            translate("SettingsScreen", "The SMTP password is kept for this session only.")
            if session_only
            else translate("SettingsScreen", "The SMTP password is stored in the OS keyring.")
        )
        self.ctx.data_changed.emit()

    def send_test(self) -> None:
        if self.dirty() and not self.save():
            return
        desk = self.ctx.desk
        to = self.test_to.text().strip() or str(desk.settings.get("smtp.from_address"))
        self.test_button.setEnabled(False)
        self.test_to_error.hide()
        for field in self.fields.values():
            field.show_error("")
        self._set_test_result(
            translate("SettingsScreen", "Sending a test email to {0}…").format(to), error=False
        )

        def job(_p: Any, _c: Any) -> str:
            return send_test_message(desk, desk.actor, to)

        workers.start(
            job,
            on_finished=lambda text: self._test_done(str(text), error=False),
            on_failed=self._test_failed,
            owner=self,
        )

    def _test_failed(self, exc: BaseException) -> None:
        # The service names the recipient "to_address" and a setting by its key: mark each where it is typed.
        errors = field_errors(exc)
        for error in errors:
            if error.field == "to_address":
                self.test_to_error.setText(
                    translate("SettingsScreen", "Send a test email to: {0}").format(error.message)
                )
                self.test_to_error.show()
                self.test_to.setFocus()
            elif error.field in self.fields:
                self.fields[error.field].show_error(str(error))
        self._test_done(error_sentence(exc), error=True)

    def _test_done(self, text: str, *, error: bool) -> None:
        self.test_button.setEnabled(True)
        self._set_test_result(
            text
            if not error
            else translate("SettingsScreen", "The test email was not sent: {0}").format(text),
            error,
        )

    def _set_test_result(self, text: str, error: bool) -> None:
        self.test_result.setText(text)
        self.test_result.setProperty("error", error)
        self.test_result.style().unpolish(self.test_result)
        self.test_result.style().polish(self.test_result)

    # --- load and save ------------------------------------------------------------------------------

    def load(self) -> None:
        self._loading = True
        settings = self.ctx.desk.settings
        for key, field in self.fields.items():
            field.set_value(settings.get(key))
            field.show_error("")
        self._loading = False
        self._show_auth_rows()
        self._show_keyring()
        self._show_pause()
        if not self.test_to.text():
            self.test_to.setText(str(settings.get("smtp.from_address")))
        self._update_buttons()

    def _show_pause(self) -> None:
        from app.mail.outbox import pause_reason

        reason = pause_reason(self.ctx.desk)
        self.pause_label.setText(
            translate(
                "SettingsScreen", "Sending is paused: {0} Fix the mail settings or the password, then save."
            ).format(reason)
            if reason
            else ""
        )
        self.pause_label.setVisible(bool(reason))

    def dirty(self) -> bool:
        settings = self.ctx.desk.settings
        for key, field in self.fields.items():
            raw = field.raw()
            current = settings.get(key)
            if isinstance(current, bool):
                if raw != current:
                    return True
            elif str(raw).strip() != str(current).strip():
                return True
        return False

    def _changed(self, *_args: Any) -> None:
        if not self._loading:
            self._update_buttons()

    def _update_buttons(self) -> None:
        dirty = self.dirty()
        self.save_button.setEnabled(self.can_edit and dirty)
        self.revert_button.setEnabled(dirty)
        if dirty:
            self.status.setText(translate("SettingsScreen", "Unsaved changes."))

    def save(self) -> bool:
        """Validate every field (each problem shown next to its field), then save the changed ones."""
        if not self.can_edit:
            return False
        settings = self.ctx.desk.settings
        values = {}
        for key, field in self.fields.items():
            field.show_error("")
            raw = field.raw()
            current = settings.get(key)
            if (raw != current) if isinstance(current, bool) else (str(raw).strip() != str(current).strip()):
                values[key] = raw
        try:
            changed = change_settings(self.ctx.desk, self.ctx.desk.actor, values)
        except ValidationErrors as exc:
            self._show_errors(exc.errors)
            return False
        except ValidationError as exc:
            self._show_errors([exc])
            return False
        except CpcDeskError as exc:
            messages.warn(self, translate("SettingsScreen", "Settings"), str(exc))
            return False
        problem = mail_settings_problem(settings) if any(k.startswith("smtp.") for k in changed) else ""
        if problem:
            self.fields["smtp.security"].show_error(
                translate("SettingsScreen", "Saved, but mail cannot be sent yet: {0}").format(problem)
            )
        self.status.setText(
            translate("SettingsScreen", "%n setting(s) saved.", None, len(changed))
            if changed
            else translate("SettingsScreen", "Nothing changed.")
        )
        self.load()
        if problem:
            self.fields["smtp.security"].show_error(
                translate("SettingsScreen", "Saved, but mail cannot be sent yet: {0}").format(problem)
            )
        self.ctx.data_changed.emit()
        return True

    def _show_errors(self, errors: list[ValidationError]) -> None:
        first: QWidget | None = None
        for error in errors:
            field = self.fields.get(error.field)
            if field is not None:
                field.show_error(str(error))
                first = first or field.widget
        self.status.setText(
            translate(
                "SettingsScreen", "Not saved: %n problem(s), shown next to the fields.", None, len(errors)
            )
        )
        if first is not None:
            first.setFocus()
