"""Benchmarks and quality evaluations, run by `python -m bench.run`, never by the tests."""
