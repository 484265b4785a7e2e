"""Index: the SQLite store, its migrations, and stored embeddings."""
