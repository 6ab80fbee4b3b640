"""The database: engine and sessions, the tables, migrations and certificate numbering."""
