"""The book's text: same pages, same sections and the same facts in both languages, in its own words."""

from __future__ import annotations

import re

import pytest

from book.checks import parity
from book.sources import headings
from conftest import ROOT

DOCS = ROOT / "docs"
# The originals sit in shared/source/original/ beside the checkout, or beside a folder above it (a worktree).
SOURCE = "shared/source/original"
ORIGINALS = next((folder / SOURCE for folder in ROOT.parents if (folder / SOURCE).is_dir()), ROOT.parent / SOURCE)
ORIGINAL = ORIGINALS / "the_edge_of_intelligence_jp.md"
ORIGINAL_EN = ORIGINALS / "the_edge_of_intelligence_en.md"

# The figures of the original's six-model table and of its evidence (shared/source/evidence-figures.md):
# label cell, then cells that must stand in the same table row, in both languages.
SOURCE_ROWS = {
    "part-1/1-1.md": [
        ("GLM-5", "744B", "40B"),
        ("Kimi K2.5", "1T", "32B"),
        ("Step 3.5 Flash", "196B", "11B"),
        ("Qwen3-Coder-Next", "80B", "3B"),
        ("MiniMax M2.5", "230B", "N/A"),
        ("Nanbeige 4.1 3B", "3B", "3B（dense）|3B (dense)"),
    ],
    "part-1/1-3.md": [
        ("GPT-5.2 (xhigh)", "51", "—"),
        ("GLM-5", "50", "$1.55"),
        ("GPT-5.2 (medium)", "47", "—"),
        ("Kimi K2.5", "47", "$1.20"),
        ("OpenAI GPT-4.1", "15"),
        ("Google Gemini 2.5 Pro", "21"),
        ("Claude 4.5 Haiku", "39.45"),
        ("qwen3-coder-480b-a35b", "38.70"),
        ("minimax-2.1", "36.81"),
        ("kimi-k2-instruct", "27.67"),
    ],
}
# Facts stated in running text, per language, that the source gives outside its tables.
SOURCE_TEXT = {
    "part-1/1-1.md": {
        "ja": ["2026年2月25日", "A Dream of Spring for Open-Weight LLMs", "Sebastian Raschka"],
        "en": ["25 February 2026", "A Dream of Spring for Open-Weight LLMs", "Sebastian Raschka"],
    },
    "part-1/1-3.md": {
        "ja": ["2026年2月", "2026年1月30日", "HHEM-2.3", "25", "23", "0.75", "SEAL", "Scale AI", "artificialanalysis.ai"],
        "en": ["February 2026", "30 January 2026", "HHEM-2.3", "25", "23", "0.75", "SEAL", "Scale AI", "artificialanalysis.ai"],
    },
    "part-1/1-5.md": {
        "ja": ["99.9%", "Constitutional AI", "MCP", "Vertex AI"],
        "en": ["99.9%", "Constitutional AI", "MCP", "Vertex AI"],
    },
}


def read(lang: str, page: str) -> str:
    return (DOCS / lang / page).read_text(encoding="utf-8")


def table_rows(text: str) -> list[list[str]]:
    return [
        [c.strip() for c in line.strip().strip("|").split("|")] for line in text.splitlines() if line.lstrip().startswith("|")
    ]


PAGES = parity.pages(DOCS, "ja")


def test_both_languages_have_the_same_pages():
    assert parity.pages(DOCS, "en") == PAGES
    assert {"index.md", "glossary.md", "about.md", "part-1/index.md"} <= set(PAGES)
    assert {f"part-1/1-{n}.md" for n in range(1, 8)} <= set(PAGES)


@pytest.mark.parametrize("page", PAGES)
def test_every_heading_has_a_valid_explicit_id(page):
    for lang in ("ja", "en"):
        assert headings.heading_problems(f"docs/{lang}/{page}", read(lang, page)) == []


@pytest.mark.parametrize("page", PAGES)
def test_same_section_ids_in_the_same_order(page):
    ja = [(h.level, h.id) for h in headings.headings(read("ja", page))]
    en = [(h.level, h.id) for h in headings.headings(read("en", page))]
    assert ja == en
    assert parity.section_id_mismatches((f"docs/ja/{page}", read("ja", page)), (f"docs/en/{page}", read("en", page))) == []


def test_section_headings_keep_their_numbers():
    for n in range(1, 8):
        for lang in ("ja", "en"):
            first = headings.headings(read(lang, f"part-1/1-{n}.md"))[0]
            assert first.level == 1 and first.id == f"s1-{n}" and first.text.startswith(f"1-{n}."), (lang, first)


def test_a_section_missing_in_one_language_is_named():
    ja = ("docs/ja/x.md", "# X {#x}\n\n## A {#evidence-1}\n\n## B {#evidence-2}\n")
    en = ("docs/en/x.md", "# X {#x}\n\n## A {#evidence-1}\n")
    assert [str(e) for e in parity.section_id_mismatches(ja, en)] == [
        "docs/en/x.md: section #evidence-2 of docs/ja/x.md:5 is missing here — "
        "add the heading with {#evidence-2} to docs/en/x.md, or remove it from both"
    ]


def test_a_heading_without_an_id_is_named():
    errors = headings.heading_problems("docs/ja/x.md", "---\ntitle: x\n---\n\n# X {#x}\n\n## 見出し\n")
    assert [str(e) for e in errors] == [
        "docs/ja/x.md:7: heading '見出し' has no explicit ID — end the heading with an ID shared by both languages, e.g. {#evidence-1}"
    ]


@pytest.mark.parametrize("page", sorted(SOURCE_ROWS))
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_source_figure_appears_in_its_table(page, lang):
    rows = table_rows(read(lang, page))
    for label, *cells in SOURCE_ROWS[page]:
        matching = [row for row in rows if row and row[0] == label]
        assert matching, f"docs/{lang}/{page}: no table row for {label}"
        for cell in cells:
            options = cell.split("|")
            assert any(any(o in row for o in options) for row in matching), f"docs/{lang}/{page}: {label} lacks {cell}"


@pytest.mark.parametrize("page", sorted(SOURCE_TEXT))
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_facts_in_running_text(page, lang):
    text = read(lang, page)
    for fact in SOURCE_TEXT[page][lang]:
        assert fact in text, f"docs/{lang}/{page}: {fact!r} is missing"


def test_no_score_is_credited_to_the_wrong_model():
    """The leaderboard's rank-2 entry is qwen3-coder-480b-a35b, not Qwen3-Coder-Next (fact-check note)."""
    for lang in ("ja", "en"):
        rows = table_rows(read(lang, "part-1/1-3.md"))
        assert not any(row[0] == "Qwen3-Coder-Next" and "38.70" in row for row in rows)
        assert any(row[0] == "qwen3-coder-480b-a35b" and "38.70" in row for row in rows)


def test_no_page_references_a_missing_file():
    link = re.compile(r"!?\[[^\]]*\]\((?P<target>[^)\s]+)")
    for lang in ("ja", "en"):
        for page in PAGES:
            for number, line in enumerate(read(lang, page).splitlines(), start=1):
                for match in link.finditer(line):
                    target = match["target"].split("#")[0]
                    if not target or re.match(r"[a-z]+:", target):
                        continue
                    assert (DOCS / lang / page).parent.joinpath(target).resolve().is_file(), (
                        f"docs/{lang}/{page}:{number}: {target}"
                    )


def test_every_page_has_a_title_and_a_one_sentence_description():
    import yaml

    for lang in ("ja", "en"):
        for page in PAGES:
            meta = yaml.safe_load(read(lang, page).split("---")[1])
            assert meta.get("title"), f"docs/{lang}/{page}: no title"
            description = meta.get("description", "")
            sentences = description.count("。") + len(re.findall(r"[.!?](\s|$)", description))
            assert description and sentences <= 1, f"docs/{lang}/{page}: {description!r}"


# The books' and the author's titles are names, not sentences: they may match.
TITLES = [
    "AIがあなたのデバイスで動く時代：クラウドの終わりと、エッジの始まり",
    "ダリオ・アモディの思想と哲学",
    "生成AI時代の新規事業開発方法論",
    "The Edge of Intelligence",
    "The Silence of Intelligence",
    "Why Open-Weight AI Will Move from Cloud to Your Device, and What It Means for Business and Society",
    "A Methodology for New Business Development in the Generative AI Era",
    "SWE-Bench Pro Public Leaderboard",
    "Vectara Hallucination Leaderboard",
    "Artificial Analysis Intelligence Index",
]


@pytest.mark.skipif(not ORIGINAL.is_file(), reason="the original's text is not beside this checkout")
def test_no_sentence_of_the_japanese_original_is_pasted():
    """Names, titles and table cells may match; running Japanese text must be the project's own."""

    def squeeze(text):
        return re.sub(r"\s+", "", text)

    original = squeeze(ORIGINAL.read_text(encoding="utf-8"))
    for title in TITLES:
        original = original.replace(squeeze(title), "\0")
    japanese = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
    window = 25
    copied = []
    for page in PAGES:
        text = squeeze(read("ja", page))
        for start in range(0, max(0, len(text) - window)):
            chunk = text[start : start + window]
            if len(japanese.findall(chunk)) >= 20 and "|" not in chunk and chunk in original:
                copied.append(f"docs/ja/{page}: {chunk!r} is copied from the original — say it in new words")
                break
    assert not copied, "\n".join(copied)


FUNCTION_WORDS = {
    "the",
    "of",
    "to",
    "a",
    "in",
    "is",
    "that",
    "it",
    "for",
    "on",
    "with",
    "as",
    "by",
    "be",
    "are",
    "this",
    "was",
    "can",
    "from",
    "not",
    "but",
    "its",
    "their",
    "what",
    "which",
    "will",
    "has",
    "have",
}


def english_words(text: str) -> list[str]:
    """The words of English text as the copy test compares them: lower case, without the punctuation around them
    (`premium".` and `premium.` are one word), and with -ize spelt -ise, so British spelling hides no copied run."""
    for title in TITLES:
        text = text.replace(title, " ")
    words = (word.strip(".'-") for word in re.findall(r"[a-z0-9$%.'-]+", text.lower().replace("\u2019", "'")))
    return [word.replace("z", "s") for word in words if word]


def copied_english_runs(original: str, page: str, window: int = 10) -> list[str]:
    """Each run of `window` words of a page's running English that the original also has (tables, chart captions and
    titles aside). A run must hold three function words (each time one occurs counts): a sentence, not a list of names."""
    words = english_words(original)
    runs = {tuple(words[i : i + window]) for i in range(len(words) - window + 1)}
    prose = "\n".join(line for line in page.splitlines() if not line.lstrip().startswith(("|", "caption:", "title:")))
    text = english_words(prose)
    found = []
    for start in range(len(text) - window + 1):
        run = tuple(text[start : start + window])
        if run in runs and sum(word in FUNCTION_WORDS for word in run) >= 3:
            found.append(" ".join(run))
    return found


def test_a_copied_run_is_found_across_punctuation_and_spelling():
    original = 'The CFO should calculate the "actual cost of the reliability premium." The CFO should organize it.'
    page = 'It is the "actual cost of the reliability premium". The CFO should organise it.'
    assert copied_english_runs(original, page) == [
        "the actual cost of the reliability premium the cfo should",
        "actual cost of the reliability premium the cfo should organise",
        "cost of the reliability premium the cfo should organise it",
    ]
    names = "Claude Opus 4.6, GPT-5.2, GLM-5, Kimi K2.5, Qwen3.5 and Nanbeige 4.1 3B."
    assert copied_english_runs(f"Models: {names}", f"Examples: {names}") == []


@pytest.mark.skipif(not ORIGINAL_EN.is_file(), reason="the original's text is not beside this checkout")
def test_no_run_of_ten_words_of_the_english_original_is_pasted():
    """No run of ten words of running English comes from the author's English edition (tables and titles aside)."""
    original = ORIGINAL_EN.read_text(encoding="utf-8")
    copied = [
        f"docs/en/{page}: {run!r} is copied from the original — say it in new words"
        for page in PAGES
        for run in copied_english_runs(original, read("en", page))[:1]
    ]
    assert not copied, "\n".join(copied)
