"""What every screen is given: the open desk and a way to ask the main window for things.

A screen is a QWidget subclass constructed as `Screen(ctx, parent=None, **kwargs)`; it is registered in
ui/shell/screens.py under a key, and opened with `ctx.open_screen(key, **kwargs)`.
"""

from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from app.desk import Desk


class Navigator(Protocol):
    def open_screen(self, key: str, **kwargs: Any) -> None: ...

    def go_home(self) -> None: ...

    def start_cpc_request(self, member_id: int | None = None) -> None: ...


class UiContext(QObject):
    """Shared by every screen of one window. Emit `data_changed` after a change that counts may show."""

    data_changed = Signal()
    # (text) for the status bar's transient message area
    status_message = Signal(str)

    def __init__(self, desk: Desk, navigator: Navigator | None = None) -> None:
        super().__init__()
        self.desk = desk
        self.navigator = navigator

    def open_screen(self, key: str, **kwargs: Any) -> None:
        if self.navigator is not None:
            self.navigator.open_screen(key, **kwargs)

    def go_home(self) -> None:
        if self.navigator is not None:
            self.navigator.go_home()

    def start_cpc_request(self, member_id: int | None = None) -> None:
        if self.navigator is not None:
            self.navigator.start_cpc_request(member_id)
