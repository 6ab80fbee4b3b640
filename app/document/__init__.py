"""What a certificate says and how it is drawn, signed and verified."""
