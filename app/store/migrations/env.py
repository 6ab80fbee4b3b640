"""Alembic environment: runs on the engine handed over by app.store.db.Database (no alembic.ini needed)."""

from alembic import context
from sqlalchemy import text

from app.store.models import Base

config = context.config
engine = config.attributes["engine"]

# Writes begin IMMEDIATE on SQLite (app.store.db), so two desks starting at once wait for each other
# instead of
# failing with "database is locked"; on PostgreSQL an advisory lock does the same. Alembic reads the
# current revision after the lock is held, so the second desk finds the work done.
with engine.execution_options(cpc_write=True).connect() as connection:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(7201350001)"))
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
