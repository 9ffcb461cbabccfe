"""Figures: numbers, their units, what they count and which measure they are a value of."""
