"""The web front end: one FastAPI app serving the JSON API (/api/v1) and server-rendered pages."""

from curbside.web.app import create_app
from curbside.web.options import WebOptions

__all__ = ["WebOptions", "create_app"]
