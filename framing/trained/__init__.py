"""Trained model parameters shipped with framing (plain JSON, never pickle)."""
from pathlib import Path


def trained_path(name: str) -> Path:
    """A file of the shipped model directory (framing/trained)."""
    return Path(__file__).resolve().parent / name
