"""Interface text the theme does not provide, in each language."""

STRINGS = {
    "ja": {
        "licence": "本文と図表は CC BY 4.0 で提供しています。",
        "licence_name": "クリエイティブ・コモンズ 表示 4.0 国際",
        "attribution": "原著：山内 怜史（Leading.AI）『The Edge of Intelligence』（CC BY 4.0）。このサイトは原著を翻案・翻訳したもので、変更を加えています。",
        "original": "原著リポジトリ",
        "download": "オフライン版をダウンロード",
        "updated": "最終更新",
        "stale": "このページの原文（{original}）は、この翻訳の後に更新されています。",
        "stale_link": "原文を読む",
        "untranslated": "このページはまだ日本語に翻訳されていません。以下は原文です。",
        "language_name": "日本語",
        "not_found_title": "ページが見つかりません",
        "not_found_text": "お探しのページは移動したか、存在しません。表紙から読み直してください。",
    },
    "en": {
        "licence": "Text and figures are licensed under CC BY 4.0.",
        "licence_name": "Creative Commons Attribution 4.0 International",
        "attribution": "Adapted from The Edge of Intelligence by Satoshi Yamauchi (Leading.AI), CC BY 4.0. This site adapts and translates the original; changes were made.",
        "original": "Original repository",
        "download": "Download for offline reading",
        "updated": "Last updated",
        "stale": "The original of this page ({original}) has changed since this translation was made.",
        "stale_link": "Read the original",
        "untranslated": "This page has not been translated into English yet. The original follows.",
        "language_name": "English",
        "not_found_title": "Page not found",
        "not_found_text": "The page you were looking for has moved or does not exist. Start again from the front page.",
    },
}
