from zwerm.ecosystems.tests.conftest import world  # noqa: F401  (the permission matrix)
