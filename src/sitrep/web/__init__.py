"""The web app: a FastAPI JSON API over the KB and offline pages (map, graph, timeline, reader)."""
