"""One spaCy component per step; pipeline.py imports them all to register them."""
