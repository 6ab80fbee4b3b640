"""CPC Desk domain and services. Nothing in this package may import Qt."""

__version__ = "0.1.0"
