"""The document as text: normalization with its offset map, sentences and clauses, tokens,
the outline and the metadata read from them."""
