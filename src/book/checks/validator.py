"""Every built page validates with the Nu HTML Checker (vnu.jar from npm), run once over all pages."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

from book.checks import links
from book.errors import BookError, collapse_repeats

VNU_JAR = Path("node_modules/vnu-jar/build/dist/vnu.jar")


def validate(site: Path, root: Path, label: str | None = None) -> list[BookError]:
    """The checker's errors, as `page:line: message — fix`, one per distinct message per source."""
    return validate_sites([site], root, label)[site]


def validate_sites(sites: list[Path], root: Path, label: str | None = None) -> dict[Path, list[BookError]]:
    """Each site's errors, from one run of the checker over all their pages (starting Java costs more than a page)."""
    files = {site: sorted(str(p) for p in site.rglob("*.html")) for site in sites}
    found = {
        site: [BookError(str(site), None, "no HTML pages to check", "build the site first (make build)")]
        for site, pages in files.items()
        if not pages
    }
    checked = [site for site in sites if site not in found]
    if not checked:
        return found
    jar = root / VNU_JAR
    java = shutil.which("java")
    if not jar.is_file():
        return found | _each(
            checked, BookError(str(VNU_JAR), None, "the Nu HTML Checker is not installed", "run `npm ci` (make setup)")
        )
    if not java:
        return found | _each(
            checked,
            BookError(
                "java",
                None,
                "Java is not installed, and the Nu HTML Checker needs it",
                "install a JRE (apt-get install default-jre-headless; scripts/install-browser.sh does)",
            ),
        )
    run = subprocess.run(
        [java, "-Xss4m", "-jar", str(jar), "--errors-only", "--format", "json", "--exit-zero-always"]
        + [page for site in checked for page in files[site]],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    try:
        messages = json.loads(run.stderr or run.stdout)["messages"]
    except (ValueError, KeyError):
        failed = BookError(
            str(jar),
            None,
            f"the Nu HTML Checker failed: {(run.stderr or run.stdout).strip()[:500]}",
            "run it by hand: java -jar node_modules/vnu-jar/build/dist/vnu.jar --errors-only site/",
        )
        return found | _each(checked, failed)
    return found | {site: _report(site, root, [m for m in messages if _within(m, site)], label) for site in checked}


def _each(sites: list[Path], error: BookError) -> dict[Path, list[BookError]]:
    return {site: [error] for site in sites}


def _within(message: dict, site: Path) -> bool:
    """A message about a page of `site`, or about no page in particular (which every site reports)."""
    url = message.get("url")
    return not url or Path(unquote(urlsplit(url).path)).resolve().is_relative_to(site.resolve())


def _report(site: Path, root: Path, messages: list[dict], label: str | None) -> list[BookError]:
    site_label = (label if label is not None else links._label(site, root)) + "/"
    pages = links.read_site(site)
    keyed = []
    for message in messages:
        if message.get("type") not in ("error", "non-document-error"):
            continue
        path = Path(unquote(urlsplit(message.get("url", "")).path)).resolve()
        try:
            rel = path.relative_to(site.resolve()).as_posix()
        except ValueError:
            rel = str(path)
        line = message.get("lastLine") or message.get("firstLine")
        page = pages.get(rel)
        text = message.get("message", "").strip()
        extract = " ".join((message.get("extract") or "").split())
        if page and line and page.in_article(line) and page.source:
            fix = f"fix the Markdown in {page.source} that writes `{extract[:80]}`"
            key = (page.source, text)
        else:
            fix = f"fix the template in overrides/ that writes `{extract[:80]}`"
            key = ("template", text)
        keyed.append((key, BookError(f"{site_label}{rel}", line, text, fix)))
    return collapse_repeats(keyed, "(and {n} more times)")
