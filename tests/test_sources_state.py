"""Sources read once per state of docs/: an unchanged folder is not read again, an edited one is."""

from __future__ import annotations

import os

import pytest

from book import sources_state


def test_read_again_only_after_an_edit(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("one", encoding="utf-8")
    reads = []

    def read():
        reads.append(page.read_text(encoding="utf-8"))
        return reads[-1]

    assert sources_state.once("test", tmp_path, (), read) == "one"
    assert sources_state.once("test", tmp_path, (), read) == "one"
    assert reads == ["one"]
    page.write_text("two!", encoding="utf-8")
    os.utime(page, ns=(1, 1))  # even a file whose time goes back is read again: its size changed
    assert sources_state.once("test", tmp_path, (), read) == "two!"
    (tmp_path / "new.md").write_text("", encoding="utf-8")
    assert sources_state.once("test", tmp_path, (), read) == "two!"
    assert len(reads) == 3


def test_a_failed_read_is_not_kept(tmp_path):
    def fail():
        raise ValueError("broken")

    with pytest.raises(ValueError):
        sources_state.once("failing", tmp_path, (), fail)
    assert sources_state.once("failing", tmp_path, (), lambda: "fixed") == "fixed"
