"""CLI command module (to be filled)."""
