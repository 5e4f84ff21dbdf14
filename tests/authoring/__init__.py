"""Tests of the Python authoring API (trellis_generate.authoring) and the example contracts."""
