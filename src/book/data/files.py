"""Each dataset as a CSV file: RFC 4180, UTF-8, a header row and one row per table row, nothing else.

The source and the licence are not in the file: CSV has no comments, and a first line that is not the header
breaks every reader that expects one (spreadsheets, pandas, R, csvkit). The Data Package beside the files
(book.data.package) gives each file's source and licence, as the Frictionless standard has readers look for
them; the SVG images carry both in their drawing.
"""

from __future__ import annotations

import csv
import io

from book.data.sets import Dataset


def csv_text(dataset: Dataset) -> str:
    """The dataset's CSV: numbers written as numbers (no thousands separators, no units), missing values empty."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(field.name for field in dataset.fields)
    for row in dataset.rows:
        writer.writerow("" if value is None else _number(value) if not isinstance(value, str) else value for value in row)
    return out.getvalue()


def _number(value: int | float) -> str:
    return str(value) if isinstance(value, int) else repr(value)
