"""Demo data for a fresh Question Bank."""
