"""The corpus API: read-only queries over a Warta database (see warta/store/schema.sql).

Without a database every corpus route answers 503 with the usual error shape.
"""

from __future__ import annotations

from fastapi import FastAPI

from .errors import ApiError


def install_corpus_routes(app: FastAPI) -> None:
    def need_db() -> str:
        if not app.state.db_path:
            raise ApiError(503, "no corpus database is open (start with: warta serve --db FILE)", "no_database")
        return app.state.db_path

    app.state.need_db = need_db

    @app.get("/api/articles", tags=["corpus"])
    def articles() -> dict:
        need_db()
        raise ApiError(503, "corpus queries are not available yet")
