"""The home window's grid of tiles: the member portal's tiles plus the staff tiles.

Tiles reflow with the window's width, move focus with the arrow keys and open with Enter, Space or a click.
"""

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)


def tr(text: str) -> str:
    return QCoreApplication.translate("Home", text)


@dataclass(frozen=True)
class TileSpec:
    key: str
    title: str
    description: str
    staff: bool = False
    # app.staff.Permission value the signed-in role needs to see the tile ("" = everyone)
    permission: str = ""
    demo_only: bool = False


def portal_tiles() -> list[TileSpec]:
    return [
        TileSpec(
            "about",
            tr("About your Portal"),
            tr("Learn what you can do in the portal and how your information is used."),
        ),
        TileSpec(
            "profile",
            tr("Profile"),
            tr("View a member's registration details, contact information and history."),
        ),
        TileSpec(
            "services",
            tr("Membership Services"),
            tr("Request certificates, copies of documents and other services from the College."),
        ),
        TileSpec(
            "renewal",
            tr("Membership Renewal"),
            tr("Complete the annual renewal of registration and pay the membership fee."),
        ),
        TileSpec(
            "practice",
            tr("My Practice"),
            tr("Update practice locations, hospital privileges and scope of practice."),
        ),
        TileSpec(
            "registration",
            tr("Registration"),
            tr("Apply for a certificate of registration or change a class of registration."),
        ),
        TileSpec(
            "assistance",
            tr("Assistance Desk"),
            tr("Find a member or a request in seconds, say where it stands, resend."),
            staff=True,
        ),
        TileSpec(
            "batch",
            tr("Batch Printing"),
            tr("Issue and print hundreds of certificates at once, with no network."),
            staff=True,
        ),
        TileSpec(
            "outbox",
            tr("Outbox"),
            tr("Certificate email waiting to be sent, sent, or failed; retry and resend."),
            staff=True,
        ),
        TileSpec(
            "settings",
            tr("Settings"),
            tr("Issuing body, registrar, mail server, validity periods and this desk's options."),
            staff=True,
            permission="settings",
        ),
        TileSpec(
            "review",
            tr("Registrar Review"),
            tr("Approve or decline the requests that need a registrar's decision before anything is issued."),
            staff=True,
            permission="review",
        ),
        TileSpec(
            "institutions",
            tr("Institutions"),
            tr("The directory of hospitals, universities, regulators and other recipients."),
            staff=True,
            permission="edit_institutions",
        ),
        TileSpec(
            "verify",
            tr("Verify a Certificate"),
            tr("Check that a certificate PDF is genuine, unaltered, not revoked and still valid."),
            staff=True,
        ),
        TileSpec(
            "audit",
            tr("Audit Trail"),
            tr("Who did what, and when: every change of state, tamper-evident, exportable to CSV."),
            staff=True,
            permission="view_audit",
        ),
        TileSpec(
            "staff",
            tr("Staff Accounts"),
            tr("Add staff, set their roles, reset passwords and unlock accounts."),
            staff=True,
            permission="manage_staff",
        ),
        TileSpec(
            "mailbox",
            tr("Demo Mailbox"),
            tr("The mail the local demo mail server received, with the certificates attached."),
            staff=True,
            demo_only=True,
        ),
    ]


class Tile(QFrame):
    activated = Signal(str)

    def __init__(self, spec: TileSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setObjectName("tile-staff" if spec.staff else "tile")
        self.setProperty("staff", spec.staff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(spec.title)
        self.setAccessibleDescription(spec.description)
        self.setToolTip(spec.description)
        self.setMinimumSize(240, 104)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        title = QLabel(spec.title)
        title.setObjectName("tileTitle")
        title.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(title, 1)
        if spec.staff:
            badge = QLabel(tr("Staff"))
            badge.setObjectName("staffBadge")
            top.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
        body = QLabel(spec.description)
        body.setObjectName("tileBody")
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(top)
        layout.addWidget(body, 1)
        self.title_label = title

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.spec.key)
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.activated.emit(self.spec.key)
            return
        super().mouseReleaseEvent(event)


class TileGrid(QWidget):
    """Tiles in as many columns as fit; arrow keys move between them."""

    activated = Signal(str)
    MIN_COLUMN_WIDTH = 260

    def __init__(self, specs: list[TileSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setSpacing(14)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.tiles = [Tile(s, self) for s in specs]
        for tile in self.tiles:
            tile.activated.connect(self.activated)
            tile.installEventFilter(self)
        self.columns = 0
        self._relayout(3)

    def tile(self, key: str) -> Tile:
        return next(t for t in self.tiles if t.spec.key == key)

    @property
    def visible_tiles(self) -> list[Tile]:
        return [t for t in self.tiles if not t.isHidden()]

    def show_only(self, keys: set[str]) -> None:
        """Hide the tiles the signed-in role cannot use; the rest close up in reading order."""
        for tile in self.tiles:
            tile.setHidden(tile.spec.key not in keys)
        self._relayout(self.columns, force=True)

    def _relayout(self, columns: int, force: bool = False) -> None:
        shown = self.visible_tiles
        columns = max(1, min(columns, len(shown)))
        if columns == self.columns and not force:
            return
        self.columns = columns
        for tile in self.tiles:
            self.grid.removeWidget(tile)
        for i, tile in enumerate(shown):
            self.grid.addWidget(tile, i // columns, i % columns)
        for c in range(len(self.tiles)):
            self.grid.setColumnStretch(c, 1 if c < columns else 0)
        # Tab order follows reading order.
        for a, b in zip(shown, shown[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def reflow(self, available_width: int) -> None:
        """As many columns as fit the width the page offers (not the grid's own: the tiles hold it open)."""
        self._relayout(max(1, (available_width + 14) // (self.MIN_COLUMN_WIDTH + 14)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, Tile):
            assert isinstance(event, QKeyEvent)
            key = event.key()
            step = {
                Qt.Key.Key_Left: -1,
                Qt.Key.Key_Right: 1,
                Qt.Key.Key_Up: -self.columns,
                Qt.Key.Key_Down: self.columns,
            }.get(Qt.Key(key))
            if step is not None:
                shown = self.visible_tiles
                index = shown.index(watched) + step
                if 0 <= index < len(shown):
                    shown[index].setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)


class HomePage(QScrollArea):
    activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        inner.setObjectName("homeInner")
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(10)
        heading = QLabel(tr("Member portal and registrar's desk"))
        heading.setObjectName("sectionHeading")
        layout.addWidget(heading)
        # One grid, so that the arrow keys reach every tile; staff tiles are marked by their style.
        self.grid = TileGrid(portal_tiles())
        layout.addWidget(self.grid)
        layout.addStretch(1)
        self.setWidget(inner)
        self.grid.activated.connect(self.activated)
        self.tiles = self.grid.tiles

    def tile(self, key: str) -> Tile:
        return next(t for t in self.tiles if t.spec.key == key)

    def resizeEvent(self, event: QResizeEvent) -> None:
        margins = self.widget().layout().contentsMargins()
        self.grid.reflow(self.viewport().width() - margins.left() - margins.right())
        super().resizeEvent(event)
