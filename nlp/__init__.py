"""zongjie's pipeline library: Chinese community work summaries → structured, checkable data."""

from nlp.pipeline import parse, pipe

__all__ = ["parse", "pipe"]
