"""Lighthouse (mobile, its defaults) on a page of each kind in each language (tools.bench.lighthouse says how):
performance at least 95, accessibility, best practices and SEO at 100.

`make test` scores each page once, beside the same page of the plain Material + i18n baseline, so the
contributor's loop stays short; LIGHTHOUSE_RUNS=3 (CI) scores each three times and judges the medians.
"""

from __future__ import annotations

import os

import pytest
from tools.bench import lighthouse, pages

RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "1"))

pytestmark = pytest.mark.browser


def test_lighthouse_scores(tmp_path, capsys):
    rows = lighthouse.measure(pages.sample(), RUNS, tmp_path)
    with capsys.disabled():
        print("\n" + lighthouse.table(rows))
    problems = lighthouse.problems(rows)
    assert not problems, "pages below their targets — fix what the audits name:\n" + "\n".join(problems)
