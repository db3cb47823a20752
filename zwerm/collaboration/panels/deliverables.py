"""deliverables."""
def register() -> None:
    """Add this part's panels to kernel pages."""
