"""Ingest: readers (bytes -> Article records, no database access) and resumable harvesters."""
