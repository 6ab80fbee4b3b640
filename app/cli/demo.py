"""`demo`: fill an empty database with the demo register."""

import argparse

from app.desk import Desk
from app.register.demo import fill, is_empty


def cli_demo(args: argparse.Namespace, desk: Desk) -> int:
    if not is_empty(desk):
        print("The database already holds members; demo data is only added to an empty database.")
        return 0
    members, institutions = fill(desk)
    print(f"Added {members} demo members and {institutions} demo institutions to {desk.db.location}.")
    return 0
