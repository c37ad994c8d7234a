"""Work done in a forked process beside a build: its value, its errors and its end reach the build."""

from __future__ import annotations

import os
import time

import pytest

from book.errors import BookError, BookErrors
from book.sidecar import Sidecar


def test_the_value_comes_back_from_the_other_process():
    side = Sidecar({"checks": lambda: {"pid": os.getpid(), "errors": [BookError("docs/ja/a.md", 3, "is wrong", "fix it")]}})
    answer = side.result("checks")
    assert answer["pid"] != os.getpid()
    assert [str(e) for e in answer["errors"]] == ["docs/ja/a.md:3: is wrong — fix it"]
    assert side.result("checks") is answer  # asked again, it does not wait again


def test_each_answer_comes_as_soon_as_its_job_is_done(tmp_path):
    """The build waits only for the job it needs: a later job is still running when an earlier one has answered."""
    gate = tmp_path / "gate"

    def wait_for_gate():
        while not gate.exists():
            time.sleep(0.01)
        return "late"

    side = Sidecar({"first": lambda: "early", "second": wait_for_gate})
    assert side.result("first") == "early"
    gate.touch()
    assert side.result("second") == "late"
    side.close()


def test_an_error_is_raised_where_the_build_waits_with_its_path_and_line():
    def fail():
        raise BookErrors([BookError("docs/en/b.md", 7, "differs", "make them agree")])

    side = Sidecar({"checks": fail, "after": lambda: "still answered"})
    with pytest.raises(BookErrors) as raised:
        side.result("checks")
    assert raised.value.errors[0].line == 7 and str(raised.value) == "docs/en/b.md:7: differs — make them agree"
    assert side.result("after") == "still answered"


def test_a_process_that_dies_is_an_error_not_a_hang():
    side = Sidecar({"work": lambda: os._exit(3)})
    with pytest.raises(RuntimeError, match="ended without an answer"):
        side.result("work")
