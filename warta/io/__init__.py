"""Reading articles from files, standard input, HTML pages and JSON Lines."""

from .readers import iter_articles, read_html, read_text_bytes  # noqa: F401
