"""Upward: what a ward station tells its province or the central platform (issue 15, section 6)."""
