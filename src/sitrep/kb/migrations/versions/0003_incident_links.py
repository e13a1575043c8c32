"""Incident links: why a report event joined an incident (score, reasons), undoable by a split.

Revision ID: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "incident_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_event_id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("matched_id", sa.Integer(), nullable=True),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("split_to", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["report_event_id"], ["report_events.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["incident_id"], ["incidents.id"]),
        sa.ForeignKeyConstraint(["matched_id"], ["report_events.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["split_to"], ["incidents.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_incident_links_report_event_id"),
        "incident_links",
        ["report_event_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_incident_links_incident_id"), "incident_links", ["incident_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_incident_links_incident_id"), table_name="incident_links")
    op.drop_index(op.f("ix_incident_links_report_event_id"), table_name="incident_links")
    op.drop_table("incident_links")
