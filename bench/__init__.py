"""Benchmarks: speed, memory and accuracy of the FAQ matcher and crisis detector vs baselines.

Run ``python -m bench.run`` (``make bench``); see ``bench/README.md``.
"""
