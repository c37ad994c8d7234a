"""A page's YAML front matter: read with the line of every key, and one key's block rewritten in place.

Rewriting splices lines instead of dumping YAML, so comments, quoting and key order survive.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import yaml

from book.errors import BookError
from book.sources import yaml_hints

# libyaml's loader when PyYAML has it: the same results, several times faster on every page.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # and its writer, for the front matter the build writes

_DELIMITERS = ("---", "...")


@dataclass
class FrontMatter:
    lines: list[str]  # the whole file, each line with its own line ending
    end: int  # index of the closing `---` line; 0 when the file has no front matter
    keys: dict[str, tuple[yaml.Node, yaml.Node]] = field(default_factory=dict)  # top-level key: (key, value)

    @property
    def body(self) -> str:
        return "".join(self.lines[self.end + 1 :] if self.end else self.lines)

    @property
    def body_first_line(self) -> int:
        return self.end + 2 if self.end else 1

    def line(self, node: yaml.Node) -> int:
        """1-based line in the file of a node parsed from the front matter."""
        return node.start_mark.line + 2

    def scalar(self, key: str) -> str | None:
        """The text of a top-level key whose value is a plain value (not a list or mapping)."""
        pair = self.keys.get(key)
        return pair[1].value if pair and isinstance(pair[1], yaml.ScalarNode) else None


def written(matter: dict, width: int = 80) -> str:
    """`matter` as a page's front matter, between its two `---` lines, in key order and with text as it is."""
    return "---\n" + yaml.dump(matter, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=width) + "---\n"


@functools.lru_cache(maxsize=1024)  # several checks read each page's front matter (the result is never changed)
def read(text: str, path: str) -> FrontMatter:
    """Split `text` (read with newline="") into front matter and body; BookError on invalid YAML."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return FrontMatter(lines, 0)
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in _DELIMITERS), 0)
    if not end:
        return FrontMatter(lines, 0)
    matter = FrontMatter(lines, end)
    try:
        # compose() keeps each value's source text and position: `hash: 0123` stays a string.
        root = yaml.compose("".join(lines[1:end]), Loader=LOADER)
    except yaml.YAMLError as error:
        at, problem, fix = yaml_hints.explain(error, [line.rstrip("\r\n") for line in lines[1:end]])
        raise BookError(path, at + 2 if at is not None else 1, f"the front matter is not valid YAML ({problem})", fix) from None
    if root is None:
        return matter
    if not isinstance(root, yaml.MappingNode):
        raise BookError(
            path,
            2,
            "the front matter is not a set of `key: value` lines",
            "write it as `title: …`, `description: …`, one key a line",
        )
    for key, value in root.value:
        matter.keys[str(key.value)] = (key, value)
    return matter


def replace_block(matter: FrontMatter, key: str, block: str) -> str:
    """The file with top-level `key` (and its indented lines) replaced by `block`, appended if absent."""
    newline = "\r\n" if matter.lines and matter.lines[0].endswith("\r\n") else "\n"
    new = [line + newline for line in block.rstrip("\n").split("\n")]
    if not matter.end:
        return "".join(["---" + newline, *new, "---" + newline, *matter.lines])
    if key not in matter.keys:
        start = stop = matter.end
    else:
        start = matter.keys[key][0].start_mark.line + 1
        stop = start + 1
        while stop < matter.end and (matter.lines[stop][:1] in (" ", "\t") or not matter.lines[stop].strip()):
            stop += 1
        while stop > start + 1 and not matter.lines[stop - 1].strip():
            stop -= 1  # blank lines after the block belong to what follows
    return "".join(matter.lines[:start] + new + matter.lines[stop:])
