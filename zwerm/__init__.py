"""Zwerm: a platform for digital ecosystems of organisations."""
