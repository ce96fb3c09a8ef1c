"""The insight engine: embeddings, similarity search, clustering, labels and matching.

Plain Python, NumPy and scikit-learn only: nothing here imports Flask or SQLAlchemy, so the
engine can be tested, benchmarked and run in a worker on its own.
"""
