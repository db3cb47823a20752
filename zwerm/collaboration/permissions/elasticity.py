"""elasticity."""
