"""Trained model parameters shipped with framing (plain JSON, never pickle)."""
