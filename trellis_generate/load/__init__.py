"""Loaders: turn a file into a raw manifest plus where each part of it was written."""
