"""The window asks for the signing key's passphrase (or a token's PIN) after sign-in when the key needs one
and the session lacks it; a wrong one is named and forgotten, the right one is held in memory only."""

from pathlib import Path

from pytestqt.qtbot import QtBot

from app.access import secrets
from app.desk import Desk
from app.document.signing import load_signer, signing_secret_needed
from tests.signing_pki import college_key, make_root
from ui.admin.signing_pin import ask_signing_pin_if_needed


def test_the_passphrase_is_asked_after_sign_in_and_held_for_the_session(
    desk: Desk, qtbot: QtBot, tmp_path: Path
) -> None:
    root = make_root()
    p12, _ = college_key(tmp_path, root, passphrase=b"correct horse")
    desk.settings.set("signing.root_certificate", str(root.write_pem(tmp_path / "root.pem")))
    desk.settings.set("signing.pkcs12_path", str(p12))
    assert "passphrase of the signing key file" in signing_secret_needed(desk)
    dialog = ask_signing_pin_if_needed(desk, None)  # type: ignore[arg-type]
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    dialog.secret.setText("battery staple")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10000)
    assert "passphrase is wrong" in dialog.error.text() and dialog.secret.text() == ""
    assert secrets.get_secret(secrets.SIGNING_PASSPHRASE_ENTRY) is None  # the wrong one is not kept
    dialog.secret.setText("correct horse")
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert signing_secret_needed(desk) == ""
    assert not load_signer(desk).demo
    assert ask_signing_pin_if_needed(desk, None) is None  # type: ignore[arg-type]
    assert secrets.status().secure and ("cpc-desk", "signing") not in _stored(secrets)


def _stored(module: object) -> set[tuple[str, str]]:
    import keyring

    return set(getattr(keyring.get_keyring(), "store", {}).keys())
