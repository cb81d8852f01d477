#!/bin/sh
# The browser tests drive Debian's Chromium (Playwright's own browser download cannot work
# offline). `make test` runs this first: nothing to do when Chromium is there; otherwise it is
# installed with apt-get as root or with passwordless sudo, or the run stops at once with the
# one command to type.
for candidate in chromium chromium-browser; do
    if command -v "$candidate" >/dev/null 2>&1; then exit 0; fi
done
if [ "$(id -u)" = 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
else
    SUDO="none"
fi
if [ "$SUDO" = none ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "make test: the browser tests need Chromium, which is not installed." >&2
    echo "Install it once, then run make test again:" >&2
    echo "    sudo apt-get install -y chromium" >&2
    exit 1
fi
echo "make test: installing Chromium for the browser tests (apt-get install chromium)…"
$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
status=$?
if [ $status -ne 0 ] || ! command -v chromium >/dev/null 2>&1; then
    echo "make test: could not install Chromium (apt-get exit $status). Run: sudo apt-get install -y chromium" >&2
    exit 1
fi
