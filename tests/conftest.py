"""Shared fixtures live in tests/fixtures/*; each area owns its own module."""

pytest_plugins = [
    "tests.fixtures.neo4j_fixtures",
    "tests.fixtures.web_fixtures",
]
