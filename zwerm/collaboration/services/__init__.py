"""Writes of keeping together; one module per part, each change recorded as an activity."""
