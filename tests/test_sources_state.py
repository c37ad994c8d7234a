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


def test_kept_on_disk_for_the_next_build_until_a_page_changes(tmp_path, monkeypatch):
    docs, cache = tmp_path / "docs", tmp_path / "cache"
    docs.mkdir()
    page = docs / "page.md"
    page.write_text("one", encoding="utf-8")
    reads = []

    def read():
        reads.append(page.read_text(encoding="utf-8"))
        return {"text": reads[-1]}

    assert sources_state.once("disk", docs, (), read, cache) == {"text": "one"}
    monkeypatch.setattr(sources_state, "_KEPT", {})  # as in the next build's process
    sources_state._content_digest.cache_clear()
    assert sources_state.once("disk", docs, (), read, cache) == {"text": "one"}
    assert reads == ["one"]
    page.write_text("owe", encoding="utf-8")  # same size; the time may not even change
    monkeypatch.setattr(sources_state, "_KEPT", {})
    sources_state._content_digest.cache_clear()
    assert sources_state.once("disk", docs, (), read, cache) == {"text": "owe"}
    assert reads == ["one", "owe"]


def test_a_change_to_the_code_reads_again(tmp_path, monkeypatch):
    docs, cache = tmp_path / "docs", tmp_path / "cache"
    docs.mkdir()
    (docs / "page.md").write_text("one", encoding="utf-8")
    reads = []
    sources_state.once("code", docs, (), lambda: reads.append(1), cache)
    monkeypatch.setattr(sources_state, "_KEPT", {})
    sources_state._content_digest.cache_clear()
    monkeypatch.setattr(sources_state, "_code_digest", lambda: b"other code")
    sources_state.once("code", docs, (), lambda: reads.append(2), cache)
    assert reads == [1, 2]
