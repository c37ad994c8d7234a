"""Keep translations in step with their originals.

python -m book.commands.translations check [--strict]          # stale translations warn; --strict fails on them
python -m book.commands.translations update docs/en/1-3.md …   # after bringing a translation up to date
python -m book.commands.translations update docs/en/part-2       # every translated page in a folder
python -m book.commands.translations update --all              # every page that has a translation: record
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from book.errors import BookError, BookErrors
from book.translations import tracking


def _locate(book: tracking.Book, page: str) -> list[tuple[str, str]]:
    """(language, path inside its folder) of a page path given on the command line, or of every page in a folder."""
    path = Path(page).resolve()
    if path.is_dir():
        found = [(lang, rel) for lang, rel in book.pages if (book.docs_dir / lang / rel).resolve().is_relative_to(path)]
        return sorted(found) or _locate(book, page + "/index.md")
    if not path.is_relative_to(book.docs_dir):
        raise BookErrors([BookError(page, None, f"not under {book.shown_root}/", "give a path such as docs/en/part-1/1-3.md")])
    lang, _, rel = path.relative_to(book.docs_dir).as_posix().partition("/")
    if lang not in book.languages or not rel:
        raise BookErrors(
            [
                BookError(
                    page,
                    None,
                    f"not inside a language folder of {book.shown_root}/",
                    f"give a path such as {book.shown_root}/{book.languages[-1]}/index.md",
                )
            ]
        )
    return [(lang, rel)]


def _originals_only(book: tracking.Book, folder: str, pages: list[tuple[str, str]]) -> list[tuple[str, str]]:
    lang, rel = pages[0]
    others = [o for o in book.languages if o != lang]
    where = [f"{book.shown_root}/{o}/{Path(rel).parent.as_posix()}".removesuffix("/.") for o in others]
    raise BookErrors([BookError(folder, None, "holds originals only", f"give the translations' folder: {', '.join(where)}")])


def check(book: tracking.Book, strict: bool) -> int:
    errors, warnings = tracking.check(book)
    for problem in sorted(errors + warnings, key=lambda e: (e.path, e.line or 0)):
        print(problem, file=sys.stderr)
    if errors or warnings:
        verdict = "failed" if errors or strict else "passed with warnings"
        print(
            f"translations: {len(errors)} error(s), {len(warnings)} outdated or unrecorded translation(s); check {verdict}",
            file=sys.stderr,
        )
    else:
        translated = sum(1 for p in book.pages.values() if p.record)
        print(f"translations: all {translated} translations are up to date with their originals")
    return 1 if errors or (warnings and strict) else 0


def update(book: tracking.Book, pages: list[str], all_: bool, source: str | None) -> int:
    targets = [(p.lang, p.rel) for p in book.pages.values() if p.is_translation] if all_ else []
    failures = []
    for page in pages:
        try:
            found = _locate(book, page)
            if len(found) > 1:  # a folder: its translated pages, which are what is recorded
                found = [t for t in found if book.pages[t].is_translation] or _originals_only(book, page, found)
            targets += found
        except BookErrors as error:
            failures += error.errors
    for lang, rel in targets:
        try:
            changed = tracking.update(book, lang, rel, source)
        except BookErrors as error:
            failures += error.errors
            continue
        if changed:
            print(f"{book.shown(lang, rel)}: recorded as up to date with its original")
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", default="docs", help="the docs folder, one subfolder per language (default: docs)")
    commands = parser.add_subparsers(dest="command", required=True)
    check_ = commands.add_parser("check", help="report translations older than their original")
    check_.add_argument("--strict", action="store_true", help="fail on outdated translations too (release builds)")
    update_ = commands.add_parser("update", help="record that translations are up to date with their originals")
    update_.add_argument("pages", nargs="*", metavar="PAGE", help="translated pages, e.g. docs/en/part-1/1-3.md")
    update_.add_argument("--all", action="store_true", help="every page that already has a translation: record")
    update_.add_argument(
        "--from",
        dest="source",
        metavar="LANG",
        help="language of the original, for a page without a record when it is not obvious",
    )
    args = parser.parse_args(argv)
    if args.command == "update" and not (args.pages or args.all):
        parser.error("update needs PAGE paths or --all")
    book = tracking.scan(args.docs, shown_root=args.docs.rstrip("/"))
    if args.command == "check":
        return check(book, args.strict)
    return update(book, args.pages, args.all, args.source)


if __name__ == "__main__":
    sys.exit(main())
