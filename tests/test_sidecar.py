"""Work done in a forked process beside a build: its value, its errors and its end reach the build."""

from __future__ import annotations

import os

import pytest

from book.errors import BookError, BookErrors
from book.sidecar import Sidecar


def test_the_value_comes_back_from_the_other_process():
    side = Sidecar(lambda: {"pid": os.getpid(), "errors": [BookError("docs/ja/a.md", 3, "is wrong", "fix it")]})
    answer = side.result()
    assert answer["pid"] != os.getpid()
    assert [str(e) for e in answer["errors"]] == ["docs/ja/a.md:3: is wrong — fix it"]
    assert side.result() is answer  # asked again, it does not wait again


def test_an_error_is_raised_where_the_build_waits_with_its_path_and_line():
    def fail():
        raise BookErrors([BookError("docs/en/b.md", 7, "differs", "make them agree")])

    side = Sidecar(fail)
    with pytest.raises(BookErrors) as raised:
        side.result()
    assert raised.value.errors[0].line == 7 and str(raised.value) == "docs/en/b.md:7: differs — make them agree"


def test_a_process_that_dies_is_an_error_not_a_hang():
    side = Sidecar(lambda: os._exit(3))
    with pytest.raises(RuntimeError, match="ended without an answer"):
        side.result()
