"""Shared by the benchmarks: an empty PostgreSQL database to measure against."""

from urllib.parse import urlparse


def recreate_database(url):
    """Drop (closing its connections) and create the database named in `url`."""
    import psycopg

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
