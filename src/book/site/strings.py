"""Interface text the theme does not provide, in each language."""

STRINGS = {
    "ja": {
        "licence": "本文と図表は CC BY 4.0 で提供しています。",
        "licence_name": "クリエイティブ・コモンズ 表示 4.0 国際",
        "attribution": "原著：山内 怜史（Leading.AI）『The Edge of Intelligence』（CC BY 4.0）。このサイトは原著を翻案・翻訳したもので、変更を加えています。",
        "original": "原著リポジトリ",
        "updated": "最終更新",
        "stale": "このページの原文（{original}）は、この翻訳の後に更新されています。",
        "stale_link": "原文を読む",
        "untranslated": "このページはまだ日本語に翻訳されていません。以下は原文です。",
        "download_offline": "オフライン版（HTML）",
        "download_pdf": "PDF",
        "download_epub": "EPUB",
        "downloads": "ダウンロード：",  # a full-width colon needs no space after it
        "book_author": "山内 怜史（原著）、The Edge of Intelligence の寄稿者（翻案・翻訳）",
        "cover_author": "山内 怜史 原著",
        "cover_adapted": "The Edge of Intelligence 寄稿者 翻案・翻訳",
        "contents": "目次",
        "cover": "表紙",
        "edition_attribution": "本書は、山内 怜史（Leading.AI）による原著『The Edge of Intelligence』（CC BY 4.0）を翻案・翻訳したもので、変更を加えています。",
        "edition_original": "原著：",
        "edition_licence": "ライセンス：",
        "edition_date": "{date} 版（コミット {commit}）",
        "edition_web": "ウェブ版：",
        "xref_page": ["（", "ページ）"],  # around the page number a cross-reference in the PDF gives: （12ページ）
        "author_name": "山内 怜史",
        "contributors_name": "The Edge of Intelligence 寄稿者",
        "okuzuke_published": "{date} 発行",
        "okuzuke_author": "原著",
        "okuzuke_adapted": "翻案・翻訳",
        "okuzuke_commit": "版",
        "page_list": "ページ一覧",
        "accessibility_summary": (
            "本書のEPUBは、目次、見出しの階層（部と節）、PDF版と同じページ番号への移動、本文の言語の表示を備え、"
            "文字の大きさや書体は読む人の設定に従う。4つのグラフにはそれぞれ文章による説明があり、同じ数値を表でも示している。"
            "脚注は注として示す。制作者はAce by DAISYで検査し、WCAG 2.1 AAに沿うよう自ら確かめているが、第三者の認証は受けていない。"
        ),
        "language_name": "日本語",
        "not_found_title": "ページが見つかりません",
        "not_found_text": "お探しのページは移動したか、存在しません。表紙から読み直してください。",
        # Side-by-side reading (book.parallel)
        "parallel": "対訳で読む",
        "parallel_name": "日英対訳",
        "parallel_title": "{title}（対訳）",
        "single": "日本語だけで読む",
        # The data behind each numbered table and chart (book.data)
        "data": "データ：",
        "data_csv": "CSV：{name}のデータ",
        "data_svg": "SVG：{name}の画像",
        "data_unit": "{name}（{unit}）",
        "data_low": "{name}（下限）",
        "data_high": "{name}（上限）",
        "data_peak": "{name}（ピーク）",
        "data_note": "{name}（注）",
        "data_package": "The Edge of Intelligence 日本語版：表とグラフのデータ",
        "data_package_description": "本書の番号付きの表とすべてのグラフのデータ。各ファイルはCSV（UTF-8、1行目が見出し）で、数値は単位を見出しに付けて数値のまま書いている。",
        "data_shown": "掲載ページ：{url}",
        "data_original": "山内 怜史（Leading.AI）『The Edge of Intelligence』（原著）",
        # The book for machine readers (book.machine): llms.txt's sections and links
        "llms_front": "はじめに",
        "llms_back": "結論と資料",
        "llms_more": "本書の全文は[llms-full.txt]({full})に、表とグラフのデータの一覧は[datapackage.json]({data})にある。英語版は[llms.txt]({other})から読める。",
        # The front door and the place kept (overrides/home.html, assets/javascripts/place.js).
        "start_reading": "読み始める",
        "continue_reading": "続きから読む",
        "minutes": "約{n}分",
        "minutes_note": "時間は、1分に{rate}字として読み終えるまでのおよその目安です。",
        "reference_material": "資料",
        "read_mark": "（読了）",  # read after a link's text by screen readers; a check mark shows it
        "place_note": "読んでいた場所と読み終えた節は、このブラウザの中にだけ記録しています。どこにも送りません。",
        "forget_place": "読書の記録を消す",
        "place_forgotten": "読書の記録を消しました。",
    },
    "en": {
        "licence": "Text and figures are licensed under CC BY 4.0.",
        "licence_name": "Creative Commons Attribution 4.0 International",
        "attribution": "Adapted from The Edge of Intelligence by Satoshi Yamauchi (Leading.AI), CC BY 4.0. This site adapts and translates the original; changes were made.",
        "original": "Original repository",
        "updated": "Last updated",
        "stale": "The original of this page ({original}) has changed since this translation was made.",
        "stale_link": "Read the original",
        "untranslated": "This page has not been translated into English yet. The original follows.",
        "download_offline": "Offline HTML",
        "download_pdf": "PDF",
        "download_epub": "EPUB",
        "downloads": "Download: ",  # the space before the first link: the template adds none
        "book_author": "Satoshi Yamauchi (original), The Edge of Intelligence contributors (adaptation and translation)",
        "cover_author": "Satoshi Yamauchi",
        "cover_adapted": "Adapted and translated by The Edge of Intelligence contributors",
        "contents": "Contents",
        "cover": "Cover",
        "edition_attribution": "This book adapts and translates The Edge of Intelligence by Satoshi Yamauchi (Leading.AI), licensed under CC BY 4.0; changes were made.",
        "edition_original": "Original: ",
        "edition_licence": "Licence: ",
        "edition_date": "Edition of {date} (commit {commit})",
        "edition_web": "Web edition: ",
        "xref_page": [" (p. ", ")"],  # around the page number a cross-reference in the PDF gives: (p. 12)
        "author_name": "Satoshi Yamauchi",
        "contributors_name": "The Edge of Intelligence contributors",
        "okuzuke_published": "Published {date}",
        "okuzuke_author": "Original",
        "okuzuke_adapted": "Adaptation and translation",
        "okuzuke_commit": "Edition",
        "page_list": "Page list",
        "accessibility_summary": (
            "This EPUB has a table of contents, a heading hierarchy of Parts and sections, a page list that matches "
            "the PDF edition, and the language of its text marked; its text reflows in the reader's own font and size. "
            "Each of its four charts has a text description, and the same figures are given in a table. Footnotes are "
            "marked as notes. Its makers checked it with Ace by DAISY and assess it themselves against WCAG 2.1 AA; "
            "it has not been certified by a third party."
        ),
        "language_name": "English",
        "not_found_title": "Page not found",
        "not_found_text": "The page you were looking for has moved or does not exist. Start again from the front page.",
        # Side-by-side reading (book.parallel)
        "parallel": "Read side by side",
        "parallel_name": "Side by side",
        "parallel_title": "{title} (side by side)",
        "single": "Read in English only",
        # The data behind each numbered table and chart (book.data)
        "data": "Data: ",  # the space before the first link: the template adds none
        "data_csv": "CSV: data of {name}",
        "data_svg": "SVG: image of {name}",
        "data_unit": "{name} ({unit})",
        "data_low": "{name} (low)",
        "data_high": "{name} (high)",
        "data_peak": "{name} (peak)",
        "data_note": "{name} (note)",
        "data_package": "The Edge of Intelligence, English edition: data of the tables and charts",
        "data_package_description": "The data of the book's numbered tables and of all its charts. Each file is a CSV (UTF-8, headers in the first row) whose numbers are written as plain numbers, their units in the headers.",
        "data_shown": "Shown at {url}",
        "data_original": "Satoshi Yamauchi (Leading.AI), The Edge of Intelligence (the original)",
        # The book for machine readers (book.machine): llms.txt's sections and links
        "llms_front": "Introduction",
        "llms_back": "Conclusion and reference",
        "llms_more": "The whole book is in [llms-full.txt]({full}), and the data of its tables and charts is listed in [datapackage.json]({data}). The Japanese edition starts at its own [llms.txt]({other}).",
        # The front door and the place kept (overrides/home.html, assets/javascripts/place.js).
        "start_reading": "Start reading",
        "continue_reading": "Continue where you left off",
        "minutes": "{n} min",
        "minutes_note": "Reading times are estimates, at {rate} words a minute.",
        "reference_material": "Reference material",
        "read_mark": " (read)",  # read after a link's text by screen readers; a check mark shows it
        "place_note": "Where you stopped and the sections you have finished are kept in this browser only, and sent nowhere.",
        "forget_place": "Clear my reading progress",
        "place_forgotten": "Your reading progress has been cleared.",
    },
}


def joined(lang: str, *sentences: str) -> str:
    """Sentences run on as the language writes them: Japanese sets no space after 。."""
    return ("" if lang == "ja" else " ").join(sentences)
