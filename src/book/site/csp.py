"""The online edition's Content-Security-Policy, as a <meta> tag: static hosts such as GitHub Pages send no headers.

Scripts run only from the site itself, or inline when the build wrote them: each inline script's SHA-256 is
in the policy. No 'unsafe-inline' or 'unsafe-eval' for scripts. Styles may be inline (plotly.js sets them).
"""

from __future__ import annotations

import base64
import hashlib
import re

# Inline scripts that run: not <script src>, not data blocks (type="application/json").
_INLINE = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"application/json\")[^>]*>(.*?)</script>", re.S)
_CHARSET = '<meta charset="utf-8">'
POLICY = (
    "default-src 'self'",
    "script-src 'self'{hashes}",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


def policy(html: str) -> str:
    """The policy for one page: its inline scripts by hash, everything else from the site."""
    digests = sorted({base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() for body in _INLINE.findall(html)})
    hashes = "".join(f" 'sha256-{digest}'" for digest in digests)
    return "; ".join(POLICY).format(hashes=hashes)


def add_policy(html: str) -> str:
    """The page with its policy first in <head>, so it covers every script after it."""
    if _CHARSET not in html:
        raise ValueError("the page has no <meta charset> to put the Content-Security-Policy after")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return html.replace(_CHARSET, f"{_CHARSET}\n  {meta}", 1)
