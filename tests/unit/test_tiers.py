"""Every tier's tests are collected: a folder pytest skips would drop its tests without a word."""

from __future__ import annotations

import fnmatch
import tomllib

from conftest import ROOT, TIERS


def test_no_tier_folder_is_skipped_by_collection():
    options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    skipped = options["norecursedirs"]  # set, so pytest's default (which names build) does not apply
    for tier in TIERS:
        assert (ROOT / "tests" / tier).is_dir() and any((ROOT / "tests" / tier).glob("test_*.py")), tier
        assert not any(fnmatch.fnmatch(tier, pattern) for pattern in skipped), f"tests/{tier} is never collected"
