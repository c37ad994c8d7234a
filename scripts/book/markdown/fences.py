"""Fenced code blocks: what the book's Markdown readers skip."""

from __future__ import annotations

import re

# A fenced code block opens or closes (up to 3 spaces of indent, 3 or more backticks or tildes).
FENCE = re.compile(r"^\s{0,3}(?P<fence>`{3,}|~{3,})")
