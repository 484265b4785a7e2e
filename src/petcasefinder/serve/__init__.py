"""The website: server-rendered pages with JSON twins, over one database."""

from .app import app_from_env, create_app

__all__ = ["app_from_env", "create_app"]
