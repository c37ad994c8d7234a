"""The book's Markdown for numbered tables and figures: captions with IDs, and references to them.

    Table: What the table shows {#tbl:six-models}

    | Model | ... |

A table's caption is a paragraph of its own, starting `Table: `, on the lines just above the table (below its chart
marker, when it has one) and ending with the table's ID. A chart is a figure, and its ID is the chart's `id`. The
text refers to either as `[[tbl:six-models]]` or `[[fig:six-models]]`, which the build writes as 表1-1 / Table 1-1
or 図1-1 / Figure 1-1, linked to it. (`[@key]` is a citation of the bibliography, a different thing.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KINDS = ("tbl", "fig")
CAPTION_START = re.compile(r"^Table:(?:\s|$)")
CAPTION = re.compile(r"^Table:\s+(?P<text>\S.*?)\s*\{#tbl:(?P<id>[^}\s]*)\}\s*$")
UNPREFIXED = re.compile(r"\{#tbl:[^}\s]*\}\s*$")  # a caption whose `Table: ` was left out
REFERENCE = re.compile(r"\[\[(?P<kind>[a-z]+):(?P<id>[^\]\s]*)\]\]")
ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Caption:
    id: str
    text: str


def read_caption(line: str) -> Caption | None:
    """The caption a line writes, or None when it is no well-formed caption."""
    match = CAPTION.match(line.strip())
    if not match or not ID.fullmatch(match["id"]):
        return None
    return Caption(match["id"], match["text"])


def is_caption(line: str) -> bool:
    """Whether the line means to be a table's caption (well-formed or not, `Table: ` forgotten included)."""
    return bool(CAPTION_START.match(line.strip()) or UNPREFIXED.search(line))


def anchor(kind: str, item_id: str) -> str:
    """The HTML id a table or figure carries in the built page."""
    return f"{'table' if kind == 'tbl' else 'chart'}-{item_id}"
