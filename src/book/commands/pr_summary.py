"""What a pull request changes in the book, as the comment the workflow posts on it.

    python -m book.commands.pr_summary --base origin/main --out build/pr-summary [--preview URL]

Writes `summary.md`: the pages the change touches, in every language (a page changed in one language only is
where translations drift apart), the translations it makes older than their original, the book's errors if any,
and a link to the built site. The workflow that posts it runs apart, with no access to the pull request's code.
"""

from __future__ import annotations

import argparse
import subprocess
from dataclasses import dataclass
from pathlib import Path

from book import project
from book.checks import sources
from book.errors import BookError
from book.site.languages import page_url
from book.translations import tracking

MARKER = "<!-- book: pull-request summary -->"  # how the workflow finds its own comment to update it
SHOWN_ERRORS = 30  # a comment stays readable; the job's log has the rest


@dataclass(frozen=True)
class Touched:
    rel: str  # the page's path inside each language folder
    title: str
    changed: dict[str, bool]  # language: whether this change edits that language's file


def changed_files(base: str, root: Path) -> list[str]:
    """Files the pull request changes: what differs from where it branched off `base`."""
    command = ["git", "diff", "--name-only", "--no-renames", f"{base}...HEAD"]
    result = subprocess.run(command, cwd=root, capture_output=True, text=True)
    if result.returncode:
        raise BookError("git", None, f"cannot compare with {base}: {result.stderr.strip()}", "fetch the base branch first")
    return result.stdout.split()


def touched_pages(changed: list[str], book: tracking.Book, docs: str = "docs") -> list[Touched]:
    """Each page some language of which the change edits, or deletes, in the book's order of paths."""
    edited: dict[str, set[str]] = {}
    for path in changed:
        parts = path.split("/", 2)
        if len(parts) == 3 and parts[0] == docs and parts[1] in book.languages and parts[2].endswith(".md"):
            edited.setdefault(parts[2], set()).add(parts[1])
    order = {rel: n for n, rel in enumerate(book.rels())}
    return [
        Touched(rel, _title(book, rel), {lang: lang in langs for lang in book.languages})
        for rel, langs in sorted(edited.items(), key=lambda item: order.get(item[0], len(order)))
    ]


def _title(book: tracking.Book, rel: str) -> str:
    pages = [book.pages[lang, rel] for lang in book.languages if (lang, rel) in book.pages]
    return pages[0].title if pages else f"{rel} (deleted)"


def made_stale(warnings: list[BookError], touched: list[Touched], book: tracking.Book) -> list[BookError]:
    """The stale translations among the pages this change touches: older ones are not this change's doing."""
    shown = {book.shown(lang, page.rel) for page in touched for lang in book.languages}
    return [warning for warning in warnings if warning.path in shown]


def render(touched: list[Touched], stale: list[BookError], errors: list[BookError], preview: str, langs: list[str]) -> str:
    default = langs[0]
    lines = [MARKER, "### The book in this pull request", ""]
    if touched:
        lines += ["| Page | " + " | ".join(langs) + " |", "|---|" + "---|" * len(langs)]
        for page in touched:
            cells = [
                f"changed: `/{page_url(page.rel, lang, default, True)}`" if page.changed[lang] else "not changed"
                for lang in langs
            ]
            lines.append(f"| {_cell(page.title)} | " + " | ".join(cells) + " |")
        one_sided = [page.rel for page in touched if not all(page.changed.values())]
        if one_sided:
            lines += ["", f"Changed in one language only: {', '.join(f'`{rel}`' for rel in one_sided)}."]
    else:
        lines.append("No page of the book changes.")
    lines += ["", "**Translations this change makes older than their original:**" if stale else "No translation falls behind."]
    lines += [f"- {warning}" for warning in stale]
    if errors:
        lines += ["", f"**{len(errors)} error(s):**", "", "```text", *map(str, errors[:SHOWN_ERRORS]), "```"]
        if len(errors) > SHOWN_ERRORS:
            lines.append(f"…and {len(errors) - SHOWN_ERRORS} more: run `make check`.")
    else:
        lines += ["", "No errors in the sources."]
    lines += ["", f"[Download the built site]({preview}) (unzip it, then open index.html)." if preview else "No site was built."]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the branch the pull request merges into, e.g. origin/main")
    parser.add_argument("--out", type=Path, required=True, help="folder to write summary.md into")
    parser.add_argument("--preview", default="", help="where the built site can be downloaded")
    parser.add_argument("--root", type=Path, default=project.ROOT, help="the book: the folder of its mkdocs.yml")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    langs = project.languages(root)
    errors, warnings = sources.of_book(root)
    book = tracking.scan(root / "docs", langs, shown_root="docs")
    try:
        touched = touched_pages(changed_files(args.base, root), book)
    except BookError as error:
        touched, errors = [], [error, *errors]
    summary = render(touched, made_stale(warnings, touched, book), errors, args.preview, langs)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "summary.md").write_text(summary, encoding="utf-8")
    print(summary)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
