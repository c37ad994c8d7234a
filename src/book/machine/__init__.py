"""The book for machine readers: a clean Markdown twin beside every page (the book's own syntax resolved, with the
page's title, canonical URL and the licence's attribution), and at each language's root an `llms.txt`
(https://llmstxt.org/) listing the pages by Part and an `llms-full.txt` holding the whole book in that language.
Both are made from the sources at each build, never kept by hand.
"""
