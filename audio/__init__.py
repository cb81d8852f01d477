"""Loa audio: spoken text, speech synthesis, recordings and programme assembly (no database)."""
