"""Benchmarks (``nox -s bench``): every number is a ratio against a baseline run in the same
process, so results compare across machines."""
