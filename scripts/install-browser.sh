#!/usr/bin/env bash
# Installs what the browser tests and the PDF and EPUB editions need from Debian's packages when it is missing:
# Chromium, Japanese fonts (or Japanese renders as boxes), Java for the HTML checker and epubcheck,
# the print fonts the editions embed, poppler-utils to read PDFs back (editions, and pages Chromium prints)
# and epubcheck to validate EPUBs.
set -euo pipefail
missing=()
has_font() { fc-list 2>/dev/null | grep -i "$1" >/dev/null; }  # not -q: with pipefail, an early exit fails the pipe
command -v chromium >/dev/null || missing+=(chromium)
has_font "noto sans cjk\|ipagothic" || missing+=(fonts-noto-cjk)
has_font "BIZ UDMincho" || missing+=(fonts-morisawa-bizud-mincho)
has_font "BIZ UDPGothic" || missing+=(fonts-morisawa-bizud-gothic)
has_font "Charis SIL" || missing+=(fonts-sil-charis)
has_font "Open Sans" || missing+=(fonts-open-sans)
has_font "Liberation Mono" || missing+=(fonts-liberation2)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
[ -f /usr/share/java/epubcheck.jar ] || missing+=(epubcheck)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "Missing: ${missing[*]} — install them (sudo apt-get install ${missing[*]}) or run make test as root" >&2
  exit 1
fi
echo "Installing ${missing[*]} ..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
