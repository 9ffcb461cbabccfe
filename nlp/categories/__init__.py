"""Work categories: the shipped model (``categorize``) and its plain-array weights."""
