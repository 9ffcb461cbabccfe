"""Figures: numerals, quantities with their units, what they count (subject), which measure they are a
value of and which part of it (indicator resolution), and the facts built from them."""
