"""The data behind every numbered table and every chart, offered beside its caption: a CSV of each (numbers as
numbers, units in the header, in the page's language), each chart as an SVG image carrying its source and the
licence, and one Frictionless Data Package (`datapackage.json`) per language listing them all.

`sets` reads a page's tables and charts as columns of values, `files` writes the CSV, `package` the Data Package,
`svg` the images and `links` the links beside each caption.
"""

FOLDER = "data"  # at each language's root: data/ and en/data/


def table_file(table_id: str) -> str:
    return f"table-{table_id}.csv"


def chart_file(chart_id: str, suffix: str) -> str:
    return f"chart-{chart_id}.{suffix}"
