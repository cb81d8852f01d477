#!/bin/sh
# Usage: ensure-debian-package.sh PACKAGE "WHAT NEEDS IT" BINARY [BINARY...]
# `make test` runs this for the system programs no Python package ships (Chromium for the browser
# tests, Icecast for the live-stream tests). Nothing to do when one of the BINARYs is on PATH;
# otherwise PACKAGE is installed with apt-get as root or with passwordless sudo, or the run stops
# at once with the one command to type. Debconf questions are answered with their defaults, and
# icecast2's "configure the server?" with no: the tests start their own server.
package=$1; what=$2; shift 2
for binary in "$@"; do
    if command -v "$binary" >/dev/null 2>&1; then exit 0; fi
done
command="sudo DEBIAN_FRONTEND=noninteractive apt-get install -y $package"
if [ "$(id -u)" = 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
else
    SUDO="none"
fi
if [ "$SUDO" = none ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "make test: $what need $package, which is not installed." >&2
    echo "Install it once, then run make test again:" >&2
    echo "    $command" >&2
    exit 1
fi
echo "make test: installing $package for $what (apt-get install $package)…"
if [ "$package" = icecast2 ]; then
    echo "icecast2 icecast2/icecast-setup boolean false" | $SUDO debconf-set-selections 2>/dev/null
fi
$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$package" >/dev/null
status=$?
if [ $status -ne 0 ] || ! command -v "$1" >/dev/null 2>&1; then
    echo "make test: could not install $package (apt-get exit $status). Run: $command" >&2
    exit 1
fi
