"""The outbox, its background sender and the demo mailbox."""
