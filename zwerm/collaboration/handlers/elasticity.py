"""elasticity."""
def register() -> None:
    """Wire this part into the kernel (panels, privacy hooks, listeners)."""
