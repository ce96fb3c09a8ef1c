"""The insight engine's database side: stored embeddings and the question index, grouping and
its figures, dataset matches, re-clustering and the map cache.

Features import this package; it imports no feature.
"""
