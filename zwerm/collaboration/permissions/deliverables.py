"""deliverables."""
