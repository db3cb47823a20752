"""HTML pages of the transparency log."""
