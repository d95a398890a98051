"""The HTTP API and the web page (FastAPI on uvicorn). See :func:`warta.web.app.create_app`."""
