"""Start a new section in both languages: `make new-section PART=2 AFTER=2-7 TITLE_JA=… TITLE_EN=…`.

    python -m book.commands.new_section --part 2 --after 2-7 --title-ja … --title-en …

Writes docs/ja/part-2/2-8.md and docs/en/part-2/2-8.md, each with its front matter and its first heading with the
ID both languages share, puts the section in mkdocs.yml's nav after 2-7, and records the English page as the
translation of the Japanese one. The description is left for the contributor to write: the checks ask for it.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from book import project
from book.errors import BookError
from book.translations import tracking

ROOT = project.ROOT
SECTION = re.compile(r"^(?P<part>\d+)-(?P<number>\d+)$")
PAGE = """---
title: {number}. {title}
description:  # one sentence: what the section shows (search engines and link previews show it)
---

# {number}. {title} {{#s{number}}}
"""


def new_section(root: Path, part: int, after: str, titles: dict[str, str]) -> list[Path]:
    """The new section's pages, written, put in the nav and recorded; a BookError says what stands in the way."""
    found = SECTION.match(after)
    if not found or int(found["part"]) != part:
        raise BookError(
            "AFTER", None, f"{after!r} is not a section of Part {part}", f"give the section it follows, such as AFTER={part}-1"
        )
    number = f"{part}-{int(found['number']) + 1}"
    langs = project.languages(root)
    docs, folder = root / "docs", f"part-{part}"
    for lang in langs:
        if not (docs / lang / folder / f"{after}.md").is_file():
            raise BookError(
                f"docs/{lang}/{folder}/{after}.md", None, "there is no such section", "give AFTER= a section that exists"
            )
        if (docs / lang / folder / f"{number}.md").exists():
            raise BookError(
                f"docs/{lang}/{folder}/{number}.md",
                None,
                f"section {number} exists already",
                "give AFTER= the last section of the Part, or renumber the sections after it by hand",
            )
    missing = [lang for lang in langs if not titles.get(lang, "").strip()]
    if missing:
        raise BookError(
            "TITLE", None, f"no title in {', '.join(missing)}", "give TITLE_JA=… and TITLE_EN=…, the title after the number"
        )
    _add_to_nav(root / "mkdocs.yml", f"{folder}/{after}.md", f"{folder}/{number}.md")
    written = []
    for lang in langs:
        path = docs / lang / folder / f"{number}.md"
        path.write_text(PAGE.format(number=number, title=titles[lang].strip()), encoding="utf-8")
        written.append(path)
    original, *others = langs
    book = tracking.scan(docs, langs, shown_root="docs")
    for lang in others:
        tracking.update(book, lang, f"{folder}/{number}.md", original)
    return written


def _add_to_nav(config: Path, after: str, new: str) -> None:
    """The new page's line right after the page it follows, as written: the rest of mkdocs.yml stays as it is."""
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next((i for i, line in enumerate(lines) if line.strip() == f"- {after}"), None)
    if at is None:
        raise BookError("mkdocs.yml", None, f"the nav does not list {after}", "add it to nav:, or give AFTER= a section it lists")
    indent = lines[at][: len(lines[at]) - len(lines[at].lstrip())]
    lines.insert(at + 1, f"{indent}- {new}\n")
    config.write_text("".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", type=int, required=True)
    parser.add_argument("--after", required=True, help="the section the new one follows, such as 2-7")
    parser.add_argument("--title-ja", default="")
    parser.add_argument("--title-en", default="")
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    try:
        written = new_section(args.root, args.part, args.after, {"ja": args.title_ja, "en": args.title_en})
    except BookError as error:
        print(error, file=sys.stderr)
        return 1
    for path in written:
        print(f"new-section: wrote {path.relative_to(args.root)}")
    print("new-section: added to the nav in mkdocs.yml; write each page's description and text, then make serve")
    return 0


if __name__ == "__main__":
    sys.exit(main())
