"""`python main.py screenshots`: render every main screen offscreen into docs/screenshots/ on demo data.

Look at the PNGs after every UI change: clipped labels, boxes for missing glyphs, a window too large
for a 1366x768 laptop.
"""

import argparse
import os
import tempfile
import traceback
from pathlib import Path

WINDOW_SIZE = (1280, 720)


def render_all(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.desk import Desk
    from app.models import StaffRole
    from app.staff import Actor
    from ui import messages
    from ui.application import load_style
    from ui.main_window import MainWindow
    from ui.screens import SCREENS

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    load_style(app)
    messages.record_only = True
    failures = 0
    with tempfile.TemporaryDirectory(prefix="cpc-shots-") as folder:
        desk = Desk.open(folder, actor=Actor("demo.admin", StaffRole.ADMIN, "Demo Administrator"))
        from app.demo import fill_if_empty

        fill_if_empty(desk)
        window = MainWindow()
        window.resize(*WINDOW_SIZE)
        window.show()
        window.attach_desk(desk)
        app.processEvents()

        def shot(name: str) -> None:
            for _ in range(5):
                app.processEvents()
            window.grab().save(str(out / f"{name}.png"))
            print(f"wrote {out / (name + '.png')}")

        shot("home")
        for key in SCREENS:
            try:
                window.open_screen(key)
                shot(f"screen-{key}")
            except Exception:  # noqa: BLE001 - one broken screen must not hide the others
                failures += 1
                traceback.print_exc()
            window.go_home()
        window.resize(700, 720)
        shot("home-narrow")
        window.close()
        desk.close()
    return 1 if failures else 0
