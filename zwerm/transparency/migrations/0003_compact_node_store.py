"""A compact node store: leaves stored once, and SQLite tables without a rowid.

``node(0, i)`` equals entry i's ``leaf_hash``, so level-0 rows leave the node table (half
its rows). On SQLite the entry and node tables are rebuilt ``WITHOUT ROWID``: a composite
primary key on a rowid table is a second B-tree beside the table, and every append paid for
both. The append-only triggers are recreated with the tables.

Django does not know about ``WITHOUT ROWID``: a later ``AlterField`` on these models would
rebuild the tables (on SQLite) as rowid tables without their triggers. Change them with a
migration like this one instead; ``test_storage.py`` checks the layout and the triggers.
"""

from django.db import migrations

ENTRIES = "transparency_logentry"
NODES = "transparency_treenode"
LOG_FK = 'REFERENCES "transparency_log" ("id") DEFERRABLE INITIALLY DEFERRED'
COLUMNS = {
    ENTRIES: (
        '"idx" bigint NOT NULL, "body" BLOB NOT NULL, "leaf_hash" BLOB NOT NULL, '
        '"kind" varchar(100) NOT NULL, "activity_seq" bigint NOT NULL UNIQUE, '
        f'"created_at" datetime NOT NULL, "log_id" bigint NOT NULL {LOG_FK}, '
        'PRIMARY KEY ("log_id", "idx")'
    ),
    NODES: (
        '"level" smallint NOT NULL, "idx" bigint NOT NULL, "hash" BLOB NOT NULL, '
        f'"log_id" bigint NOT NULL {LOG_FK}, PRIMARY KEY ("log_id", "level", "idx")'
    ),
}
NAMES = {
    ENTRIES: "idx, body, leaf_hash, kind, activity_seq, created_at, log_id",
    NODES: "level, idx, hash, log_id",
}


def _triggers(table: str) -> list[str]:
    return [
        f"CREATE TRIGGER {table}_no_{operation.lower()} BEFORE {operation} ON {table} "
        "WHEN NOT EXISTS (SELECT 1 FROM transparency_maintenance) "
        f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
        for operation in ("UPDATE", "DELETE")
    ]


def _rebuild(table: str, suffix: str, where: str = "") -> list[str]:
    """Copy a table into a new one with the given table options; triggers come back too."""
    return [
        f'CREATE TABLE "new__{table}" ({COLUMNS[table]}){suffix}',
        f'INSERT INTO "new__{table}" ({NAMES[table]}) SELECT {NAMES[table]} FROM "{table}"'
        + where,
        f'DROP TABLE "{table}"',  # drops its triggers; no row trigger fires
        f'ALTER TABLE "new__{table}" RENAME TO "{table}"',
        *_triggers(table),
    ]


def _sqlite_forwards() -> list[str]:
    return _rebuild(ENTRIES, " WITHOUT ROWID") + _rebuild(
        NODES, " WITHOUT ROWID", " WHERE level > 0"
    )


def _sqlite_backwards() -> list[str]:
    return _rebuild(ENTRIES, "") + _rebuild(NODES, "") + [
        f"INSERT INTO {NODES} (level, idx, hash, log_id) "
        f"SELECT 0, idx, leaf_hash, log_id FROM {ENTRIES}"
    ]


def _postgresql_forwards() -> list[str]:
    return [
        "SELECT set_config('zwerm.log_maintenance', 'on', true)",
        f"DELETE FROM {NODES} WHERE level = 0",
        "SELECT set_config('zwerm.log_maintenance', '', true)",
    ]


def _postgresql_backwards() -> list[str]:
    return [
        f"INSERT INTO {NODES} (level, idx, hash, log_id) "
        f"SELECT 0, idx, leaf_hash, log_id FROM {ENTRIES}"
    ]


STATEMENTS = {
    "sqlite": (_sqlite_forwards, _sqlite_backwards),
    "postgresql": (_postgresql_forwards, _postgresql_backwards),
}


def _run(schema_editor, index: int) -> None:
    vendor = schema_editor.connection.vendor
    if vendor not in STATEMENTS:
        raise RuntimeError(f"No node store layout for the {vendor} database yet.")
    for statement in STATEMENTS[vendor][index]():
        schema_editor.execute(statement, params=None)


def forwards(apps, schema_editor) -> None:
    _run(schema_editor, 0)


def backwards(apps, schema_editor) -> None:
    _run(schema_editor, 1)


class Migration(migrations.Migration):
    dependencies = [("transparency", "0002_append_only_triggers")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
