"""The PDF made ready to print and to read (pikepdf, after Vivliostyle): short named destinations with no local
address, XMP metadata, bookmarks shown on opening, fixed dates, and blank pages to a multiple of 4.
"""

from __future__ import annotations

import hashlib
import re
import time
from pathlib import Path

import pikepdf

from book.editions import front

# Vivliostyle names a destination after the URL it served the book from: `viv-id-http:003a:002f…:0023<id>`.
ESCAPED = re.compile(r":([0-9a-f]{4})")
LONGEST_NAME = 127  # bytes of a PDF name (ISO 32000-1, Annex C)
PAGES_PER_SHEET = 4


def finish(path: Path, ed: front.Edition, last_page_stays_last: bool) -> int:
    """Rewrite the PDF at `path` in place; returns its number of pages. With `last_page_stays_last` (the Japanese
    奥付), the blank pages go before the last page instead of after it."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        _short_destinations(pdf)
        _pad(pdf, last_page_stays_last)
        pdf.Root.PageMode = pikepdf.Name.UseOutlines
        stamp = time.strftime("D:%Y%m%d%H%M%S+00'00'", time.gmtime(ed.epoch))
        pdf.docinfo.CreationDate = pdf.docinfo.ModDate = stamp
        _xmp(pdf, ed)
        pdf.save(path, deterministic_id=True)
        return len(pdf.pages)


def destination_name(name: str) -> str:
    """`/viv-id-http:003a…:0023p-part-1-1-1` → `p-part-1-1-1`: the element's id, without the address it was served from."""
    plain = ESCAPED.sub(lambda m: chr(int(m[1], 16)), name.lstrip("/"))
    short = plain.rpartition("#")[2] or plain
    if len(short.encode()) > LONGEST_NAME - 1:
        short = short[:80] + "-" + hashlib.sha1(short.encode()).hexdigest()[:12]
    return short


def _short_destinations(pdf: pikepdf.Pdf) -> None:
    dests = pdf.Root.get("/Dests")
    if dests is None:
        return
    renamed = {str(key): destination_name(str(key)) for key in dests.keys()}
    pdf.Root.Dests = pikepdf.Dictionary({"/" + renamed[key]: dests[key] for key in renamed})

    def rename(holder: pikepdf.Dictionary) -> None:
        dest = holder.get("/Dest")
        if isinstance(dest, pikepdf.Name) and str(dest) in renamed:
            holder.Dest = pikepdf.Name("/" + renamed[str(dest)])
        action = holder.get("/A")
        if action is not None and isinstance(action.get("/D"), pikepdf.Name) and str(action.D) in renamed:
            action.D = pikepdf.Name("/" + renamed[str(action.D)])

    for page in pdf.pages:
        for annotation in page.get("/Annots", []):
            rename(annotation)
    outlines = pdf.Root.get("/Outlines")
    stack = [outlines.get("/First")] if outlines is not None else []
    while stack:
        item = stack.pop()
        if item is None:
            continue
        rename(item)
        stack += [item.get("/First"), item.get("/Next")]


def _pad(pdf: pikepdf.Pdf, before_last: bool) -> None:
    """Blank pages (no running head, no folio) so the page count is a multiple of 4, as books are printed."""
    missing = -len(pdf.pages) % PAGES_PER_SHEET
    box = pdf.pages[-1].mediabox
    for _ in range(missing):
        pdf.add_blank_page(page_size=(float(box[2]), float(box[3])))
        if before_last:
            blank = pdf.pages[-1]
            del pdf.pages[-1]
            pdf.pages.insert(len(pdf.pages) - 1, blank)


def _xmp(pdf: pikepdf.Pdf, ed: front.Edition) -> None:
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:title"] = front.TITLE
        meta["dc:creator"] = [ed.t["author_name"], ed.t["contributors_name"]]
        meta["dc:language"] = [ed.lang]
        meta["dc:description"] = front.subtitle(ed.lang)
        meta["dc:rights"] = f"{ed.t['licence_name']} (CC BY 4.0)"
        meta["xmp:CreateDate"] = meta["xmp:ModifyDate"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ed.epoch))
        meta["xmp:CreatorTool"] = str(pdf.docinfo.get("/Creator", ""))
