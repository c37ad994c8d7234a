"""Everything a contributor can check before a pull request, without a browser.

    python -m book.commands.check [--strict]

The sources (pages, section IDs and table numbers paired across languages, charts, citations, glossary,
translation records), the Markdown style, the prose (textlint: style and terms), the CI workflow and the Python
code (ruff); then, when the sources are sound, a strict build checked as readers get it (links, anchors, HTML).
Every problem is one line, `path:line: what is wrong — how to fix it`, all of them in one run; --strict also
fails on translations older than their original.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from book import project
from book.checks import code, prose, sources
from book.commands import check_site
from book.errors import BookError

ROOT = project.ROOT


def built_site_problems(root: Path) -> list[BookError]:
    """A strict build into build/check/, then the checks of the pages readers get."""
    site = root / "build" / "check" / "site"
    shutil.rmtree(site, ignore_errors=True)
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site)]
    result = subprocess.run(build, cwd=root, capture_output=True, text=True)
    if result.returncode:
        return [
            BookError(
                "mkdocs.yml", None, f"the strict build failed:\n{result.stderr.strip()}", "fix what the build reports above"
            )
        ]
    site_url = project.config(root)["site_url"]
    return check_site.check_site(site, site_url, root) + check_site.check_html(site, root)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strict", action="store_true", help="fail on translations older than their original (releases)")
    parser.add_argument(
        "--root", type=Path, default=ROOT, help="the book to check: the folder of its mkdocs.yml (default: this one)"
    )
    args = parser.parse_args(argv)
    root = args.root.resolve()
    errors, warnings = sources.of_book(root)
    # What needs no build is always checked, so one run reports every problem it can; the code and the workflows are
    # this project's, checked when the book checked is this one.
    unbuilt = check_site.check_markdown(root) + prose.problems(root)
    if root == ROOT:
        unbuilt += check_site.check_workflows(ROOT) + code.problems(ROOT)
    if errors:  # a build of broken sources stops on the same errors: the built pages wait for their fix
        warnings.append(
            BookError(
                "docs/", None, "the built pages were not checked (links, HTML)", "fix the errors below, then run make check again"
            )
        )
    else:
        errors = built_site_problems(root)
    errors += unbuilt
    for warning in warnings:
        print(f"warning: {warning}")
    for error in errors:
        print(error)
    failed = errors or (args.strict and warnings)
    print(f"check: {len(errors)} error(s), {len(warnings)} warning(s)", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
