"""What zongjie shows people: renderings of parse results and check reports, the spaCy adapter,
labels and colours, the per-document review page."""
