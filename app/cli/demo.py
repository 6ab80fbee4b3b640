"""`demo`: fill an empty database with the demo register and its three demo accounts (README), and record
the demo signing certificate."""

import argparse

from app.access.staff import add_demo_users
from app.desk import Desk
from app.register.demo import fill, is_empty


def cli_demo(args: argparse.Namespace, desk: Desk) -> int:
    if not is_empty(desk):
        print("The database already holds members; demo data is only added to an empty database.")
        return 0
    members, institutions = fill(desk)
    print(f"Added {members} demo members and {institutions} demo institutions to {desk.db.location}.")
    if add_demo_users(desk):  # not on a register that has staff accounts of its own
        print("Demo accounts: clerk, registrar and admin (their passwords are in the README).")
    if not any(
        str(desk.settings.get(key)).strip() for key in ("signing.pkcs12_path", "signing.pkcs11_module")
    ):
        # lazy: only the demo needs its key made now (a demo CA and a signing certificate it issues)
        from app.document.signing import load_signer
        from app.document.trust import spaced_fingerprint

        signer = load_signer(desk, timestamp=False)
        fingerprint = spaced_fingerprint(signer.fingerprint)
        print(f"Demo signing certificate (DEMO CA) recorded in the register: SHA-256 {fingerprint}")
    return 0
