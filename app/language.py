"""The languages a certificate and its email can be written in. A leaf module (no SQLAlchemy, no
reportlab), so that the batch's drawing workers and the register's checks can both name a language."""

import enum


class CertificateLanguage(enum.StrEnum):
    """Chosen per recipient; stored as the value in `institution.language` and
    `request_recipient.language`."""

    EN = "en"
    FR = "fr"
    BILINGUAL = "bilingual"  # English and French on the same certificate

    @property
    def parts(self) -> tuple["CertificateLanguage", ...]:
        """The single languages written, in order: English first on a bilingual certificate."""
        if self is CertificateLanguage.BILINGUAL:
            return (CertificateLanguage.EN, CertificateLanguage.FR)
        return (self,)
