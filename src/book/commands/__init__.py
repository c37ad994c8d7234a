"""Commands run by the Makefile: `python -m book.commands.<verb>`."""
