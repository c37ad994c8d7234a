"""The bench's arithmetic and its synthetic book, without a build: the ratio's growth with the book's size, and
the synthetic pages the scale step builds."""

from __future__ import annotations

import pytest
from tools.bench import report, synthetic

from book.translations import tracking


def _rows(book, baseline, sizes=(10, 50, 200)):
    return [{"pages_per_language": n, "project_s": book(n), "baseline_s": baseline(n)} for n in sizes]


def test_ratio_growth_fails_a_book_that_grows_faster_than_its_pages():
    linear = lambda n: 0.5 + 0.02 * n  # noqa: E731
    quadratic = lambda n: 0.5 + 0.02 * n + 0.0002 * n * n  # noqa: E731
    assert report.ratio_growth(_rows(linear, linear), 50) == pytest.approx(1.0)
    assert report.ratio_growth(_rows(quadratic, linear), 50) > 1.2  # well past the 1.05 target
    # A book cheaper than the baseline at first (where differences of times turn negative) is judged the same way.
    assert report.ratio_growth(_rows(lambda n: 0.3 + 0.0003 * n * n, linear), 50) > 1.05
    assert report.ratio_growth(_rows(lambda n: 0.9 * linear(n), linear), 50) == pytest.approx(1.0)
    assert report.ratio_growth(_rows(linear, linear, sizes=(10,)), 50) is None


def test_synthetic_book_is_consistent(tmp_path):
    """The synthetic pages pass the book's own translation check: same section ids, records up to date."""
    synthetic.write_docs(tmp_path / "docs", 12)
    book = tracking.scan(tmp_path / "docs")
    errors, warnings = tracking.check(book)
    assert not errors and not warnings, [str(e) for e in errors + warnings]
    assert (tmp_path / "docs" / "en" / synthetic.page_rel(12)).is_file()
