"""Certificate email: the message, the SMTP transport, the outbox and the demo mailbox."""
