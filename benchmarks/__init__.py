"""Benchmarks for digest-tui at 1k, 10k and 100k articles (outside the test suite).

Run `python -m benchmarks.run --sizes 1k` for a quick smoke check.
"""
