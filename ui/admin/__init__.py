"""Administration: sign-in, staff, settings, the institution directory, imports, the audit trail."""
