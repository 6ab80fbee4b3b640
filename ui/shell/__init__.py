"""The window around the screens: start-up, main window, home, catalogue, navigation."""
