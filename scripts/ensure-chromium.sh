#!/bin/sh
# Makes sure Debian's Chromium is installed for the browser tests (test/browser/, run by
# scripts/browser-test.js). A fresh machine does not have it: install it with apt-get (the tests
# run as root). Prints what it does; exits non-zero when Chromium cannot be installed.
set -e
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
# Chinese UI screenshots need a CJK font (Debian's fonts-noto-cjk); without one they show boxes.
need_font() { ! fc-list :lang=zh 2>/dev/null | grep -q .; }
if [ -x "$CHROMIUM" ] && ! need_font; then
  echo "ensure-chromium: found $CHROMIUM ($("$CHROMIUM" --version 2>/dev/null || echo 'version unknown')) and a CJK font"
  exit 0
fi
PACKAGES=""
[ -x "$CHROMIUM" ] || PACKAGES="chromium"
need_font && PACKAGES="$PACKAGES fonts-noto-cjk"
echo "ensure-chromium: installing Debian packages:$PACKAGES ($CHROMIUM or a CJK font is missing)."
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "ensure-chromium: not root and no sudo: run 'apt-get update && apt-get install -y$PACKAGES' as root." >&2
    exit 1
  fi
fi
echo "ensure-chromium: running: $SUDO apt-get update"
$SUDO apt-get update
echo "ensure-chromium: running: $SUDO apt-get install -y$PACKAGES"
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y $PACKAGES
if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: apt-get finished but $CHROMIUM is still missing." >&2
  exit 1
fi
echo "ensure-chromium: installed $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
