"""Batch issuing from a requests file: reading it, and drawing and signing in worker processes."""
