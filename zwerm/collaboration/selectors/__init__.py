"""Reads of keeping together, filtered to what the viewer may see; one module per part."""
