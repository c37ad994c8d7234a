"""The book's prose, linted by textlint: Japanese style and terms in docs/ja/, English terms and style in docs/en/.

Each language has its own configuration at the project root (`.textlintrc.ja.yml`, `.textlintrc.en.yml`, and the
Japanese term dictionary `prh.yml`); every finding is one `path:line: what is wrong — how to fix it`. textlint's
Markdown parser hands no rule the front matter, code or HTML comments (chart markers), so none of them is linted.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from book.errors import BookError

TEXTLINT = Path("node_modules/.bin/textlint")
CONFIGS = {"ja": ".textlintrc.ja.yml", "en": ".textlintrc.en.yml"}
_PRH = re.compile(r"^(?P<wrong>.+?) => (?P<right>.+)$")
_TERM = re.compile(r"^Incorrect term: “(?P<wrong>.+)”, use “(?P<right>.+)” instead$")
# What to do about a finding, by rule; the rest are rephrased, or the rule tuned with a reason.
FIXES = {
    "sentence-length": "split the sentence in two",
    "max-ten": "split the sentence, or drop a 読点 that does not help the reader",
    "no-doubled-joshi": "change one of the particles, or reorder or split the sentence",
    "no-mix-dearu-desumasu": "write it in である調, as the rest of the book",
    "ja-space-between-half-and-full-width": "remove the space between Japanese and Latin letters or digits",
    "ja-space-around-strong": "remove the space around **",
    "ja-no-space-around-parentheses": "remove the space around the bracket",
    "ja-no-space-between-full-width": "remove the space between full-width characters",
    "ja-no-redundant-expression": "write it shorter, as the message suggests",
    "write-good": "rephrase it",
}


def _finding(path: str, lang: str, message: dict) -> BookError:
    rule = message.get("ruleId", "textlint")
    text = " ".join(message.get("message", "").split("\n")[0].split())
    line = message.get("line")
    if rule == "prh" and (found := _PRH.match(text)):
        return BookError(path, line, f"'{found['wrong']}' is not how the book writes it (prh.yml)", f"write '{found['right']}'")
    if rule == "terminology" and (found := _TERM.match(text)):
        return BookError(
            path, line, f"'{found['wrong']}' is not how the book writes it (terminology)", f"write '{found['right']}'"
        )
    short = rule.rsplit("/", 1)[-1]
    fix = FIXES.get(short, "rephrase it")
    return BookError(path, line, f"{text} ({rule})", f"{fix}; or, if the rule does not suit the book, tune it in {CONFIGS[lang]}")


def problems(root: Path) -> list[BookError]:
    """textlint's findings in docs/ja/ and docs/en/, each as `docs/<lang>/…md:LINE: … — …`."""
    tool = root / TEXTLINT
    if not tool.exists():
        return [BookError(str(TEXTLINT), None, "textlint is not installed", "run `npm ci` (make setup)")]
    runs = {}
    for lang, config in CONFIGS.items():
        pages = sorted(p.relative_to(root).as_posix() for p in (root / "docs" / lang).rglob("*.md"))
        if pages:
            command = [str(tool), "--config", config, "--format", "json", "--no-color", *pages]
            runs[lang] = subprocess.Popen(
                command, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8"
            )
    errors = []
    for lang, run in runs.items():
        out, err = run.communicate()
        try:
            results = json.loads(out)
        except json.JSONDecodeError:
            errors.append(
                BookError(
                    CONFIGS[lang],
                    None,
                    f"textlint could not run: {(err or out).strip()[:400]}",
                    f"run it by hand: {TEXTLINT} --config {CONFIGS[lang]} docs/{lang}/",
                )
            )
            continue
        for result in results:
            path = Path(result["filePath"]).resolve()
            try:
                shown = path.relative_to(root.resolve()).as_posix()
            except ValueError:
                shown = str(path)
            for message in sorted(result["messages"], key=lambda m: (m.get("line", 0), m.get("column", 0))):
                errors.append(_finding(shown, lang, message))
    return errors
