"""Numbered tables and figures: captions, numbers per Part, and cross-references (syntax in book.sources.captions)."""
