import pytest

from zwerm.matchmaking import index


@pytest.fixture(autouse=True)
def fresh_cache(monkeypatch):
    """Each test starts with an empty in-process copy, as a new process would."""
    monkeypatch.setattr(index, "_cache", index.IndexCache())


@pytest.fixture
def indexed(db):
    """``indexed()`` stores every organisation in the index (factories bypass services)."""
    return index.rebuild
