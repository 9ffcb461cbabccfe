"""What zongjie shows people: labels and colours, the per-document review page."""
