"""Relation extraction: one module per relation type, each reading the mentions of one Doc."""
