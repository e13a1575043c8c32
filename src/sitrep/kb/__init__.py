"""The knowledge base across reports: storage (SQLite or PostgreSQL), entity and event merging,
contradictions, refined grades, and the queries the CLI, web app and exports call.
"""
