"""The contract core: pure functions from a raw manifest to a normalized manifest and its digest."""
