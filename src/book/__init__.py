"""The book's own logic: plain modules that know nothing of MkDocs."""
