"""Renderings of parse results and check reports, and the spaCy adapter."""
