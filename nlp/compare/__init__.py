"""Communities side by side: the comparison table (table.py) and its CSV, XLSX and HTML writers."""
