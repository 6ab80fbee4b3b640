"""The registry of screens the main window can open, by key. Modules are imported on first use.

To add a screen: write `class MyScreen(QWidget)` taking `(ctx: UiContext, parent=None, **kwargs)` in its
own ui/ module and add one line here. A tile's key that is not registered shows an honest placeholder.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ScreenSpec:
    title: str
    target: str  # "module:Class"


SCREENS: dict[str, ScreenSpec] = {
    "about": ScreenSpec("About your Portal", "ui.about:AboutScreen"),
    "services": ScreenSpec("Membership Services", "ui.catalogue:ServiceCatalogue"),
}
