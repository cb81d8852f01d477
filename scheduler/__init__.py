"""Loa scheduler: slot times and the pure programme planner (no database)."""
