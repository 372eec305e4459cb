"""The fetch tests' shared fixtures: the fake API and a project that reads it."""

from tests.fetch.test_fetch import api, project  # noqa: F401 - fixtures for every fetch test
