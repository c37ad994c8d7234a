"""File sizes as a reader reads them."""


def human_size(size: int, lang: str) -> str:
    """`1.2 MB` style, with the decimal separator and units every language here shares."""
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1000
    return f"{size:.1f} GB"
