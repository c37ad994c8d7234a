"""What to do about YAML that does not read, in the words of the line that broke it: front matter, chart markers,
the references and the citation file are all YAML that contributors write by hand."""

from __future__ import annotations

import re

import yaml

_KEY_VALUE = re.compile(r"^(?P<indent>\s*(?:-\s+)?)(?P<key>[\w-]+):\s+(?P<value>.+?)\s*$")


def explain(error: yaml.YAMLError, lines: list[str]) -> tuple[int | None, str, str]:
    """(the 0-based index in `lines` of the line to fix, what YAML says, the fix) for a YAML error."""
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or "unreadable"
    at = min(mark.line, len(lines) - 1) if mark is not None and lines else None
    if at is not None and "found unexpected end" in problem:
        at = _last_opened_quote(lines, at)
    line = lines[at] if at is not None else ""
    found = _KEY_VALUE.match(line)
    fix = 'quote the value on this line: key: "the value"'
    if "tab character" in problem:
        fix = "indent with spaces, not tabs"
    elif found:
        key, value = found["key"], found["value"]
        if value.startswith("'") and value.count("'") > 2:
            inner = value[1:-1] if value.endswith("'") else value[1:]
            fix = f"the apostrophe ends the quoted value: write {key}: \"{inner}\" (double quotes), or double the apostrophe ('')"
        elif value.startswith('"') and (value.count('"') < 2 or not value.endswith('"')):
            fix = f'close the quotation marks: {key}: "{value.strip(chr(34))}"'
        elif value.startswith(("[", "{")) and key not in ("values", "pick"):
            fix = (
                f'YAML reads a value that starts with {value[0]} as a list or mapping: if it is text, quote it: {key}: "{value}"'
            )
        elif ": " in value or value.endswith(":") or value.startswith(("*", "&", "!", "%", "@", "`")):
            fix = f'the value holds a character YAML reads as syntax: quote it: {key}: "{value}"'
    return at, problem, fix


def _last_opened_quote(lines: list[str], at: int) -> int:
    """A quoted value left open makes YAML stop at the end: the line that opened it is the one to fix."""
    for index in range(at, -1, -1):
        if lines[index].count('"') % 2 or lines[index].count("'") % 2:
            return index
    return at
