"""Fixtures shared by every app's tests."""

pytest_plugins = ["zwerm.core.testing.fixtures"]
