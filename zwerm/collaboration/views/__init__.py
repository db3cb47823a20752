"""Pages of keeping together; one module per part."""
