"""Side-by-side reading (対訳 / Parallel): every page of the book with its Japanese and English blocks paired,
heading by heading, paragraph by paragraph, list item by list item, table by table and chart by chart.

`pairs` pairs the two languages' blocks from their sources (a page that does not pair stops the build, naming
the line); `pages` says which pages have a side-by-side version and where it lives; `render` writes its HTML.
"""
