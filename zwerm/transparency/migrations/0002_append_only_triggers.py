"""Append-only in the database: triggers reject UPDATE and DELETE on log rows.

A row in ``transparency_maintenance`` (a table Django does not manage, so ``flush`` never
empties it) lifts the triggers; the app's ``flush`` command sets it around a flush. On
PostgreSQL the session setting ``zwerm.log_maintenance = 'on'`` lifts them too, and TRUNCATE
(used by flush there) does not fire row triggers at all.
"""

from django.db import migrations

TABLES = ("transparency_logentry", "transparency_treenode", "transparency_checkpoint")
GUARD = "CREATE TABLE IF NOT EXISTS transparency_maintenance (reason varchar(100) PRIMARY KEY)"


def _sqlite_forwards() -> list[str]:
    statements = [GUARD]
    for table in TABLES:
        for operation in ("UPDATE", "DELETE"):
            statements.append(
                f"CREATE TRIGGER {table}_no_{operation.lower()} BEFORE {operation} ON {table} "
                "WHEN NOT EXISTS (SELECT 1 FROM transparency_maintenance) "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )
    return statements


def _sqlite_backwards() -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS {table}_no_{operation}"
        for table in TABLES
        for operation in ("update", "delete")
    ] + ["DROP TABLE IF EXISTS transparency_maintenance"]


PG_FUNCTION = """
CREATE OR REPLACE FUNCTION transparency_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('zwerm.log_maintenance', true), '') = 'on'
     OR EXISTS (SELECT 1 FROM transparency_maintenance) THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
END
$$
"""


def _postgresql_forwards() -> list[str]:
    return [GUARD, PG_FUNCTION] + [
        f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION transparency_append_only()"
        for table in TABLES
    ]


def _postgresql_backwards() -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}" for table in TABLES] + [
        "DROP FUNCTION IF EXISTS transparency_append_only()",
        "DROP TABLE IF EXISTS transparency_maintenance",
    ]


STATEMENTS = {
    "sqlite": (_sqlite_forwards, _sqlite_backwards),
    "postgresql": (_postgresql_forwards, _postgresql_backwards),
}


def _run(schema_editor, index: int) -> None:
    vendor = schema_editor.connection.vendor
    if vendor not in STATEMENTS:
        raise RuntimeError(f"No append-only triggers for the {vendor} database yet.")
    for statement in STATEMENTS[vendor][index]():
        schema_editor.execute(statement, params=None)


def forwards(apps, schema_editor) -> None:
    _run(schema_editor, 0)


def backwards(apps, schema_editor) -> None:
    _run(schema_editor, 1)


class Migration(migrations.Migration):
    dependencies = [("transparency", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
