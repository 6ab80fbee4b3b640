"""The home window's grid of tiles: the member portal's tiles plus the staff tiles.

Tiles reflow with the window's width, move focus with the arrow keys and open with Enter, Space or a click.
"""

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.i18n import translate


@dataclass(frozen=True)
class TileSpec:
    key: str
    title: str
    description: str
    staff: bool = False
    # app.access.staff.Permission value the signed-in role needs to see the tile ("" = everyone)
    permission: str = ""
    demo_only: bool = False


def portal_tiles() -> list[TileSpec]:
    return [
        TileSpec(
            "about",
            translate("Home", "About your Portal"),
            translate("Home", "Learn what you can do in the portal and how your information is used."),
        ),
        TileSpec(
            "profile",
            translate("Home", "Profile"),
            translate("Home", "View a member's registration details, contact information and history."),
        ),
        TileSpec(
            "services",
            translate("Home", "Membership Services"),
            translate(
                "Home", "Request certificates, copies of documents and other services from the College."
            ),
        ),
        TileSpec(
            "renewal",
            translate("Home", "Membership Renewal"),
            translate("Home", "Complete the annual renewal of registration and pay the membership fee."),
        ),
        TileSpec(
            "practice",
            translate("Home", "My Practice"),
            translate("Home", "Update practice locations, hospital privileges and scope of practice."),
        ),
        TileSpec(
            "registration",
            translate("Home", "Registration"),
            translate("Home", "Apply for a certificate of registration or change a class of registration."),
        ),
        TileSpec(
            "assistance",
            translate("Home", "Assistance Desk"),
            translate("Home", "Find a member or a request in seconds, say where it stands, resend."),
            staff=True,
        ),
        TileSpec(
            "batch",
            translate("Home", "Batch Printing"),
            translate("Home", "Issue and print hundreds of certificates at once, with no network."),
            staff=True,
        ),
        TileSpec(
            "outbox",
            translate("Home", "Outbox"),
            translate("Home", "Certificate email waiting to be sent, sent, or failed; retry and resend."),
            staff=True,
        ),
        TileSpec(
            "settings",
            translate("Home", "Settings"),
            translate(
                "Home", "Issuing body, registrar, mail server, validity periods and this desk's options."
            ),
            staff=True,
            permission="settings",
        ),
        TileSpec(
            "review",
            translate("Home", "Registrar Review"),
            translate(
                "Home",
                "Approve or decline the requests that need a registrar's decision before anything is issued.",
            ),
            staff=True,
            permission="review",
        ),
        TileSpec(
            "institutions",
            translate("Home", "Institutions"),
            translate("Home", "The directory of hospitals, universities, regulators and other recipients."),
            staff=True,
            permission="edit_institutions",
        ),
        TileSpec(
            "verify",
            translate("Home", "Verify a Certificate"),
            translate(
                "Home", "Check that a certificate PDF is genuine, unaltered, not revoked and still valid."
            ),
            staff=True,
        ),
        TileSpec(
            "audit",
            translate("Home", "Audit Trail"),
            translate(
                "Home", "Who did what, and when: every change of state, tamper-evident, exportable to CSV."
            ),
            staff=True,
            permission="view_audit",
        ),
        TileSpec(
            "staff",
            translate("Home", "Staff Accounts"),
            translate("Home", "Add staff, set their roles, reset passwords and unlock accounts."),
            staff=True,
            permission="manage_staff",
        ),
        TileSpec(
            "mailbox",
            translate("Home", "Demo Mailbox"),
            translate(
                "Home", "The mail the local demo mail server received, with the certificates attached."
            ),
            staff=True,
            demo_only=True,
        ),
    ]


class Tile(QWidget):
    """One tile, painted directly (no child widgets): sixteen of them are built before the first paint."""

    activated = Signal(str)
    MARGIN_X, MARGIN_Y = 18, 14
    HEIGHT = 104  # the least height: two lines of title and two of description
    ACCENT = {False: QColor("#0b5c8c"), True: QColor("#1b7f5c")}

    def __init__(self, spec: TileSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setObjectName("tile-staff" if spec.staff else "tile")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover, True)
        self.setAccessibleName(spec.title)
        self.setAccessibleDescription(spec.description)
        self.setToolTip(spec.description)
        self.setMinimumSize(240, self.HEIGHT)
        # As tall as its text needs at its width (a French description takes a line more), and as tall as
        # the row's tallest tile.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.badge = translate("Home", "Staff") if spec.staff else ""
        self.note = ""  # a count shown on the tile ("3 waiting"), set by the window
        self.note_urgent = False

    def set_note(self, text: str, *, urgent: bool = False, sentence: str = "") -> None:
        """Show `text` on the tile's badge; `sentence`, the same said in full, heads its tooltip."""
        self.setToolTip(f"{sentence}\n{self.spec.description}" if sentence else self.spec.description)
        if (text, urgent) != (self.note, self.note_urgent):
            self.note, self.note_urgent = text, urgent
            self.setAccessibleDescription(
                translate("Home", "{0}. {1}").format(text, self.spec.description)
                if text
                else self.spec.description
            )
            self._fit_height()
            self.update()

    def sizeHint(self) -> QSize:
        return QSize(300, self.minimumHeight())

    def badge_font(self) -> QFont:
        small = QFont(self.font())
        small.setPixelSize(11)
        small.setBold(True)
        return small

    def text_layout(self, width: int) -> tuple[QRect, QRect, QRect, int]:
        """Where the title, the description and the badge go at `width`, and the height the text needs
        (the title wraps beside the badge; the description below the title, as many lines as it takes)."""
        left = self.MARGIN_X + 6
        text_width = width - left - self.MARGIN_X
        badge_text = self.note or self.badge
        badge_width = QFontMetrics(self.badge_font()).horizontalAdvance(badge_text) + 14 if badge_text else 0
        badge = QRect(width - self.MARGIN_X - badge_width, self.MARGIN_Y + 2, badge_width, 17)
        wrap = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
        title_width = text_width - (badge_width + 6 if badge_width else 0)
        title_height = (
            QFontMetrics(self.title_font())
            .boundingRect(QRect(0, 0, title_width, 1000), wrap, self.spec.title)
            .height()
        )
        title = QRect(left, self.MARGIN_Y, title_width, title_height)
        body_top = self.MARGIN_Y + title_height + 6
        body_height = (
            QFontMetrics(self.font())
            .boundingRect(QRect(0, 0, text_width, 1000), wrap, self.spec.description)
            .height()
        )
        body = QRect(left, body_top, text_width, body_height)
        return title, body, badge, body_top + body_height + 8

    def clipped_text(self) -> list[str]:
        """What this painted tile cuts off (tests/ui_clipping.py asks widgets that draw their own text)."""
        needed = self.text_layout(self.width())[3]
        if needed > self.height():
            return [f"tile {self.spec.key}: {self.spec.title!r} needs {needed}px, has {self.height()}px"]
        return []

    def _fit_height(self) -> None:
        needed = max(self.HEIGHT, self.text_layout(self.width())[3])
        if needed != self.minimumHeight():
            self.setMinimumHeight(needed)
            self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def title_font(self) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(15)
        font.setBold(True)
        return font

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        focused, hovered = self.hasFocus(), self.underMouse()
        frame = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
        path = QPainterPath()
        path.addRoundedRect(frame, 8, 8)
        painter.fillPath(
            path, QColor("#fffbea") if focused else QColor("#eef5fb") if hovered else QColor("white")
        )
        painter.save()
        painter.setClipPath(path)
        painter.fillRect(QRectF(frame.left(), frame.top(), 6, frame.height()), self.ACCENT[self.spec.staff])
        painter.restore()
        painter.setPen(QPen(QColor("#f2b705"), 3) if focused else QPen(QColor("#cfd8df"), 1))
        painter.drawPath(path)

        title_rect, body, badge, _needed = self.text_layout(self.width())
        wrap = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        # A count on the tile ("2 waiting") takes the Staff badge's place (the green stripe still marks a
        # staff tile), so the title keeps its line.
        badge_text = self.note or self.badge
        badge_colour = QColor("#b3261e") if self.note_urgent else QColor("#5f6b73")
        if badge_text:
            badge_path = QPainterPath()
            badge_path.addRoundedRect(QRectF(badge), 3, 3)
            painter.fillPath(badge_path, badge_colour if self.note else self.ACCENT[True])
            painter.setFont(self.badge_font())
            painter.setPen(QColor("white"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, badge_text)
        painter.setFont(self.title_font())
        painter.setPen(QColor("#0b3d5c"))
        painter.drawText(title_rect, wrap, self.spec.title)
        painter.setFont(self.font())
        painter.setPen(QColor("#3d4a54"))
        painter.drawText(body, wrap, self.spec.description)
        painter.end()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

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
            # Hidden until the signed-in role is known (show_only): a tile the role cannot use is never
            # shown, not even for the moment before the role is applied.
            tile.setHidden(True)
        self.placeholder = QLabel(translate("Home", "Opening the desk…"))
        self.placeholder.setObjectName("hint")
        self.placeholder.setMinimumHeight(104)
        self.columns = 0
        self.fit_columns = 3
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
        self._relayout(self.fit_columns, force=True)

    def _relayout(self, columns: int, force: bool = False) -> None:
        shown = self.visible_tiles
        self.fit_columns = max(1, columns)  # what the width allows, whatever the number of tiles shown
        columns = max(1, min(columns, len(shown)))
        if columns == self.columns and not force:
            return
        self.columns = columns
        for tile in self.tiles:
            self.grid.removeWidget(tile)
        self.grid.removeWidget(self.placeholder)
        self.placeholder.setVisible(not shown)
        if not shown:
            self.grid.addWidget(self.placeholder, 0, 0)
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
        heading = QLabel(translate("Home", "Member portal and registrar's desk"))
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
