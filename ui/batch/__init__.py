"""Batch printing and the print dialog for certificates."""
