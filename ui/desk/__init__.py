"""The assistance desk: member search, profile, registrar review, certificate verification."""
