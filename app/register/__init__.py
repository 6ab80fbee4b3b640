"""The register and the directory: members, institutions, recipients, their imports and the text rules."""
