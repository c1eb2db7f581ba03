"""HTTP API and web pages: ``create_app(store_path=None)`` builds the FastAPI app ``unsc serve`` runs.

>>> from unsc.web import create_app
>>> create_app(store_path="/nonexistent.duckdb").title
'unsc'
"""

from unsc.web.app import create_app

__all__ = ["create_app"]
