#!/usr/bin/env bash
# Installs what the browser tests need from Debian's packages when it is missing:
# Chromium, a Japanese font (or Japanese renders as boxes), Java for the HTML checker and poppler-utils
# (pdftotext, pdffonts) to read the pages Chromium prints to PDF.
set -euo pipefail
missing=()
command -v chromium >/dev/null || missing+=(chromium)
fc-list 2>/dev/null | grep -i "noto sans cjk\|ipagothic" >/dev/null || missing+=(fonts-noto-cjk)  # not -q: with pipefail, an early exit fails the pipe
command -v java >/dev/null || missing+=(default-jre-headless)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "Missing: ${missing[*]} — install them (sudo apt-get install ${missing[*]}) or run make test as root" >&2
  exit 1
fi
echo "Installing ${missing[*]} ..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
