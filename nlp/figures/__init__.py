"""Figures: numerals, quantities with their units, what they count (subject, indicator), and the
facts built from them."""
