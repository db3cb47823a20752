"""The node store's layout: leaves stored once, compact tables, and the triggers kept."""

from __future__ import annotations

import pytest
from django.db import connection

from zwerm.transparency import services, storage
from zwerm.transparency.models import TreeNode


def test_the_node_table_holds_interior_nodes_only_about_one_per_entry(world):
    world.record(n=37)
    services.sequence()
    log = services.log_for(world.ecosystem.uuid)
    levels = TreeNode.objects.filter(log_id=log.pk).values_list("level", flat=True)
    assert 0 not in set(levels)
    assert len(levels) == sum(37 >> level for level in range(1, 6)) == 34
    leaves = storage.level_hashes(log.pk, 0, 0, 37)
    assert leaves == [row[2] for row in storage.entry_rows(log.pk, 0, 37)]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="WITHOUT ROWID is SQLite's layout")
def test_sqlite_keeps_entries_and_nodes_without_rowid_and_with_their_triggers(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' "
            "AND name IN ('transparency_logentry', 'transparency_treenode')"
        )
        tables = dict(cursor.fetchall())
    assert len(tables) == 2
    assert all(sql.rstrip().endswith("WITHOUT ROWID") for sql in tables.values())
    assert storage.has_append_only_triggers() >= set(tables)
