"""The kinds of document CPC Desk issues besides the CPC, and their titles: the one list the rules, the
drawings, the email and the screens name them from."""

TITLES: dict[str, str] = {
    "registration": "Certificate of Registration",
    "card": "Membership Card",
    "diploma": "Membership Diploma",
}
