"""The MkDocs-free core: model, loading, validation, periods, agencies and views.

Nothing in this package may import ``mkdocs`` (a test enforces it).
"""
