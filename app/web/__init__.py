"""The verification web service behind the certificate's QR code (`cpc-desk verification serve`): thin over
app.document.standing and app.document.file_check; nothing in app/ imports it."""
