"""Work a build needs later, done meanwhile in a forked copy of the build's process, on another core.

The jobs run one after another, in the order the build will want their answers, and each answer is sent as
soon as its job is done: the build waits only for the job it needs, and only if that job is not done yet.
"""

from __future__ import annotations

import os
import pickle
import sys
import tempfile
import weakref
from collections.abc import Callable
from typing import Any


class Sidecar:
    """`jobs` running in a child process from the moment this is made; `result(name)` waits for one job's value.

    A child whose answers the build needs only at its end runs at a lower priority (`niceness`, as os.nice takes
    it): where it and the build want the same core, the build gets it.
    """

    def __init__(self, jobs: dict[str, Callable[[], Any]], niceness: int = 0):
        read, write = os.pipe()
        sys.stdout.flush()  # else what this process has yet to print would be printed twice
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child: answer, then leave without running the parent's exit handlers
            try:
                os.close(read)
                os.nice(niceness)
                _answer_all(jobs, write)
                sys.stdout.flush()
                sys.stderr.flush()
            finally:  # never back into the parent's code, whatever happened
                os._exit(0)
        os.close(write)
        self._answers: dict[str, tuple[bool, Any]] = {}
        self._pipe = os.fdopen(read, "rb")
        self._reap = weakref.finalize(self, _reap, self._pipe, pid)  # a build that stops early leaves no zombie

    def result(self, name: str) -> Any:
        """The job's value, or its exception raised here; waits until the child has sent it."""
        while name not in self._answers:
            try:
                sent, path = pickle.load(self._pipe)
            except EOFError:
                self._reap()
                raise RuntimeError(f"the process doing {name!r} ended without an answer") from None
            with open(path, "rb") as file:
                self._answers[sent] = pickle.load(file)
            os.unlink(path)
        done, value = self._answers[name]
        if not done:
            raise value
        return value

    def close(self) -> None:
        """Wait for the child to end (each job answered or not)."""
        self._reap()


def _answer_all(jobs: dict[str, Callable[[], Any]], fd: int) -> None:
    """Each answer pickled into a file of its own, and its path sent down the pipe: a pipe holds only 64 KB, and a
    child blocked on a long answer that the parent has yet to ask for would do none of the jobs after it."""
    with os.fdopen(fd, "wb") as pipe:
        for name, job in jobs.items():
            try:
                answer = (True, job())
            except BaseException as error:  # handed to the parent, which raises it where it waits
                answer = (False, error)
            handle, path = tempfile.mkstemp(prefix="book-sidecar-", suffix=".pickle")
            with os.fdopen(handle, "wb") as file:
                try:
                    pickle.dump(answer, file)
                except Exception as error:
                    file.seek(0)
                    file.truncate()
                    pickle.dump((False, RuntimeError(f"the answer could not be sent: {error!r}")), file)
            try:
                pickle.dump((name, path), pipe)
                pipe.flush()
            except BrokenPipeError:  # the parent has stopped waiting
                os.unlink(path)
                return


def _reap(pipe, pid: int) -> None:
    """Wait for the child, and delete the answers nobody asked for."""
    while not pipe.closed:
        try:
            _, path = pickle.load(pipe)
        except (EOFError, OSError, pickle.UnpicklingError):
            break
        os.unlink(path)
    pipe.close()
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
