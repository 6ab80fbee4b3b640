"""What every screen shares: workers, message boxes, error sentences, table models, fonts, gc policy."""
