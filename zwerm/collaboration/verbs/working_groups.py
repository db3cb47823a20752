"""working_groups."""
