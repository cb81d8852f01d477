"""Loa: the server — HTTP API, web pages, database and jobs."""
