"""A synthetic book of any size, in the real book's formats, for measuring how build cost grows with pages.

Each language gets index.md, glossary.md, translation-status.md and `pages` chapter pages in parts of ten;
every chapter page has a few sections with the same {#id}s in both languages, a table marked as a chart
(the same id and numbers in both languages) and a glossary term. English pages carry translation records.
"""

from __future__ import annotations

from pathlib import Path

from book.translations import tracking

PART_SIZE = 10
SECTIONS = ("background", "evidence", "outlook")
# (id, Japanese, English): glossary terms the chapter pages use in turn.
TERMS = [
    ("open-weight", "オープンウェイト", "open-weight"),
    ("inference", "推論", "inference"),
    ("quantization", "量子化", "quantization"),
    ("edge-device", "エッジデバイス", "edge device"),
    ("latency", "レイテンシ", "latency"),
]
TEXT = {
    "ja": {
        "site": "合成された本",
        "title": "{n}. 合成された節 {n}",
        "description": "ビルド時間を測るための合成ページ {n}。",
        "sections": {"background": "背景", "evidence": "証拠", "outlook": "見通し"},
        "para": "この段落は{term}について述べる合成された本文である。モデルの規模、計算量、データの量は互いに関係し、"
        "クラウドとデバイスのどちらで動かすかによって費用と応答の速さが変わる。ページ {n} の第{s}段落。",
        "labels": "項目",
        "values": "値",
        "chart_title": "合成された図 {n}",
        "caption": "出典：合成データ",
        "glossary": "用語集",
        "glossary_intro": "合成された本の用語。",
        "definition": "{term}についての短い説明。ビルド時間の測定のためだけに書かれた文である。",
        "status": "翻訳の状況",
        "status_intro": "各ページの翻訳が原文に追いついているか。",
        "index": "合成された本",
        "index_intro": "ビルド時間を測るための、{pages}ページからなる合成された本。",
    },
    "en": {
        "site": "A synthetic book",
        "title": "{n}. Synthetic section {n}",
        "description": "Synthetic page {n}, for measuring build time.",
        "sections": {"background": "Background", "evidence": "Evidence", "outlook": "Outlook"},
        "para": "This paragraph is synthetic text about {term}. The size of a model, its compute and its data are "
        "related, and running it in the cloud or on a device changes its cost and speed. Page {n}, paragraph {s}.",
        "labels": "Item",
        "values": "Value",
        "chart_title": "Synthetic chart {n}",
        "caption": "Synthetic data, made for the benchmark",
        "glossary": "Glossary",
        "glossary_intro": "The terms of the synthetic book.",
        "definition": "A short explanation of {term}, written only for measuring build time.",
        "status": "Translation status",
        "status_intro": "Whether each page's translation is up to date with its original.",
        "index": "A synthetic book",
        "index_intro": "A synthetic book of {pages} pages, for measuring build time.",
    },
}
LANGS = ("ja", "en")


def page_rel(n: int) -> str:
    return f"part-{(n - 1) // PART_SIZE + 1}/page-{n:03d}.md"


def _term(n: int, lang: str) -> str:
    return TERMS[n % len(TERMS)][1 if lang == "ja" else 2]


def chapter(n: int, lang: str) -> str:
    t = TEXT[lang]
    lines = [
        "---",
        f"title: {t['title'].format(n=n)}",
        f"description: {t['description'].format(n=n)}",
        "---",
        "",
        f"# {t['title'].format(n=n)} {{#p{n}}}",
        "",
        t["para"].format(term=_term(n, lang), n=n, s=0),
        "",
    ]
    for index, section in enumerate(SECTIONS, start=1):
        lines += [f"## {t['sections'][section]} {{#p{n}-{section}}}", ""]
        for k in (1, 2):
            lines += [t["para"].format(term=_term(n + index, lang), n=n, s=f"{index}.{k}"), ""]
        if section == "evidence":
            lines += [
                "<!-- chart",
                f"id: chart-{n}",
                "type: bar",
                f"labels: {t['labels']}",
                f"values: [{t['values']}]",
                f"title: {t['chart_title'].format(n=n)}",
                f"caption: {t['caption']}",
                "-->",
                "",
                f"Table: {t['chart_title'].format(n=n)} {{#tbl:chart-{n}}}",  # numbered, as the book's tables are
                "",
                f"| {t['labels']} | {t['values']} |",
                "| --- | ---: |",
            ]
            lines += [f"| {chr(65 + row)} | {(n * 7 + row * 13) % 97 + 1} |" for row in range(5)]
            lines.append("")
    return "\n".join(lines)


def glossary_page(lang: str) -> str:
    t = TEXT[lang]
    lines = [
        "---",
        f"title: {t['glossary']}",
        f"description: {t['glossary_intro']}",
        "---",
        "",
        f"# {t['glossary']} {{#glossary}}",
        "",
        t["glossary_intro"],
        "",
    ]
    for term_id, ja, en in TERMS:
        term = ja if lang == "ja" else en
        lines += [f'## {term} {{#{term_id} data-match="{term}"}}', "", t["definition"].format(term=term), ""]
    return "\n".join(lines)


def index_page(lang: str, pages: int) -> str:
    t = TEXT[lang]
    first = page_rel(1)
    return "\n".join(
        [
            "---",
            f"title: {t['index']}",
            f"description: {t['index_intro'].format(pages=pages)}",
            "---",
            "",
            f"# {t['index']} {{#top}}",
            "",
            t["index_intro"].format(pages=pages),
            "",
            f"[{t['title'].format(n=1)}]({first}) · [{t['glossary']}](glossary.md)",
            "",
        ]
    )


def status_page(lang: str) -> str:
    t = TEXT[lang]
    return "\n".join(
        [
            "---",
            f"title: {t['status']}",
            f"description: {t['status_intro']}",
            "---",
            "",
            f"# {t['status']} {{#translation-status}}",
            "",
            t["status_intro"],
            "",
            "<!-- translation-status -->",
            "",
        ]
    )


def nav(pages: int) -> list:
    """The nav both the book and the baseline build: chapters in parts of ten (part names are not translated)."""
    parts = []
    for start in range(1, pages + 1, PART_SIZE):
        number = (start - 1) // PART_SIZE + 1
        parts.append({f"Part {number}": [page_rel(n) for n in range(start, min(start + PART_SIZE, pages + 1))]})
    return ["index.md", *parts, "glossary.md", "translation-status.md"]


def write_docs(docs: Path, pages: int) -> None:
    """docs/<lang>/… for a book of `pages` chapter pages per language, English recorded as up to date."""
    for lang in LANGS:
        folder = docs / lang
        files = [
            ("index.md", index_page(lang, pages)),
            ("glossary.md", glossary_page(lang)),
            ("translation-status.md", status_page(lang)),
        ]
        for rel, text in files + [(page_rel(n), chapter(n, lang)) for n in range(1, pages + 1)]:
            path = folder / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    book = tracking.scan(docs, list(LANGS))
    for lang, rel in sorted(book.pages):
        if lang == "en":
            tracking.update(book, "en", rel, "ja")


def settings(pages: int) -> dict:
    """What `book.bench.baseline.write` needs to build the same book plainly."""
    return {
        "site_name": TEXT["en"]["site"],
        "nav": nav(pages),
        "languages": [{"locale": "ja", "name": "日本語", "default": True}, {"locale": "en", "name": "English"}],
    }


def write_project(folder: Path, pages: int, root: Path) -> Path:
    """A project in `folder` that builds the synthetic docs with the book's configuration (plugin, overrides); its config.

    It inherits `root`/mkdocs.yml, so every setting but the docs and nav is the book's own.
    """
    import yaml

    write_docs(folder / "docs", pages)
    config = {
        "INHERIT": str(root / "mkdocs.yml"),
        "site_name": TEXT["en"]["site"],
        "docs_dir": "docs",
        "theme": {"custom_dir": str(root / "overrides")},
        "watch": [str(root / "overrides")],
        "plugins": {"book": {"citation_file": str(root / "CITATION.cff"), "cache_dir": str(folder / "cache")}},
        "nav": nav(pages),
    }
    config_file = folder / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config_file
