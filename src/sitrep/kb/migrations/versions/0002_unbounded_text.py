"""Unbounded text: reports' words (a role of 44 characters, an outlet of 400) never overflow a column.

PostgreSQL enforced the old ``varchar(n)`` limits and aborted an ingest on ordinary input;
SQLite never enforced them, so only PostgreSQL's columns change. The hash columns keep their
fixed width.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# (table, column, old length) of every bounded column that holds words from a report.
WIDENED = [
    ("documents", "doc_id", 300),
    ("documents", "outlet", 300),
    ("documents", "byline", 300),
    ("documents", "published", 10),
    ("entities", "kind", 10),
    ("entities", "name", 300),
    ("entities", "folded", 300),
    ("entities", "registry_id", 300),
    ("entities", "country", 2),
    ("entities", "feature", 40),
    ("entities", "actor_type", 40),
    ("document_entities", "local_id", 40),
    ("document_entities", "kind", 10),
    ("document_entities", "name", 300),
    ("document_entities", "role", 40),
    ("document_entities", "affiliation", 40),
    ("entity_merges", "rule", 20),
    ("entity_merges", "key", 300),
    ("mentions", "kind", 10),
    ("relations", "kind", 20),
    ("claims", "local_id", 40),
    ("claims", "source_type", 40),
    ("claims", "base_reliability", 1),
    ("claims", "reliability", 1),
    ("incidents", "type", 40),
    ("incidents", "sub_type", 80),
    ("incidents", "date", 10),
    ("incidents", "precision", 5),
    ("report_events", "local_id", 40),
    ("report_events", "type", 40),
    ("report_events", "sub_type", 80),
    ("report_events", "date", 10),
    ("report_events", "precision", 5),
    ("report_events", "modality", 20),
    ("event_actors", "role", 20),
    ("routes", "local_id", 40),
    ("routes", "what", 20),
    ("routes", "cost_currency", 3),
    ("routes", "cost_per", 40),
]


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column, _ in WIDENED:
        op.alter_column(table, column, type_=sa.Text())


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column, length in WIDENED:
        op.alter_column(
            table, column, type_=sa.String(length), postgresql_using=f"left({column}, {length})"
        )
