"""Relay sources and relay windows (tiếp sóng): registering, checking, recording."""
