"""How a certificate's language is shown and chosen on screen (the languages: app.language)."""

from PySide6.QtWidgets import QComboBox

from app.i18n import translate
from app.language import CertificateLanguage


def language_label(code: str) -> str:
    """How a certificate language is shown to staff: "French (français)"."""
    labels = {
        CertificateLanguage.EN.value: translate("CertificateLanguage", "English"),
        CertificateLanguage.FR.value: translate("CertificateLanguage", "French (français)"),
        CertificateLanguage.BILINGUAL.value: translate(
            "CertificateLanguage", "Bilingual (English and French)"
        ),
    }
    return labels.get(code, code)


def language_combo(automatic: str = "") -> QComboBox:
    """A combo of the certificate languages, each item's data its code; `automatic`, when given, is a
    first item (data "") that leaves the choice to the default rule."""
    combo = QComboBox()
    combo.setObjectName("certificateLanguage")
    if automatic:
        combo.addItem(automatic, "")
    for language in CertificateLanguage:
        combo.addItem(language_label(language.value), language.value)
    return combo
