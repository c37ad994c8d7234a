"""Work a build needs only at its end, done meanwhile in a forked copy of the build's process.

The source checks read every page and shape none of them, so they run on another core while MkDocs renders;
the build waits for their answer before it finishes, or as soon as a page fails, so that their report comes first.
"""

from __future__ import annotations

import os
import pickle
import sys
import weakref
from collections.abc import Callable
from typing import Any


class Sidecar:
    """`work()` running in a child process from the moment this is made; `result()` waits for its value."""

    def __init__(self, work: Callable[[], Any]):
        read, write = os.pipe()
        sys.stdout.flush()  # else what this process has yet to print would be printed twice
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child: answer, then leave without running the parent's exit handlers or flushing its buffers
            os.close(read)
            try:
                answer = (True, work())
            except BaseException as error:  # handed to the parent, which raises it where it waits
                answer = (False, error)
            try:
                payload = pickle.dumps(answer)
            except Exception as error:
                payload = pickle.dumps((False, RuntimeError(f"the answer could not be sent: {error!r}")))
            try:
                with os.fdopen(write, "wb") as pipe:
                    pipe.write(payload)
            except BrokenPipeError:  # the parent has stopped waiting
                pass
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(0)
        os.close(write)
        self._answer: tuple[bool, Any] | None = None
        self._pipe = os.fdopen(read, "rb")
        self._pid = pid
        self._reap = weakref.finalize(self, _reap, self._pipe, pid)  # a build that stops early leaves no zombie

    def result(self) -> Any:
        """The work's value, or its exception raised here; the first call waits for the child."""
        if self._answer is None:
            payload = self._pipe.read()
            self._reap()
            if not payload:
                raise RuntimeError("the process doing the work ended without an answer")
            self._answer = pickle.loads(payload)
        done, value = self._answer
        if not done:
            raise value
        return value


def _reap(pipe, pid: int) -> None:
    pipe.close()
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
