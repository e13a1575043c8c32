"""Alembic migrations of the knowledge base, run programmatically by ``sitrep.kb.db.migrate``."""
