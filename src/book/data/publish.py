"""A language's data folder: a CSV per dataset, an SVG per chart, and the Data Package listing them."""

from __future__ import annotations

import json
from pathlib import Path

from book import data
from book.data import files, package, svg
from book.data.sets import Dataset
from book.references.bibliography import Entry


def publish(folder: Path, lang: str, datasets: list[Dataset], entries: dict[str, Entry], page_url, home: str) -> None:
    """Write the data of one language into `folder` (`page_url(page)` is a page's canonical URL, `home` the
    language's front page)."""
    folder.mkdir(parents=True, exist_ok=True)
    for dataset in datasets:
        (folder / f"{dataset.name}.csv").write_text(files.csv_text(dataset), encoding="utf-8", newline="")
        if dataset.chart:
            drawing = svg.standalone(dataset.chart, dataset.title, lang)
            (folder / data.chart_file(dataset.chart.id, "svg")).write_text(drawing, encoding="utf-8")
    described = package.package(lang, datasets, entries, page_url, home)
    (folder / "datapackage.json").write_text(json.dumps(described, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
