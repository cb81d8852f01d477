#!/bin/sh
# The live-stream tests start their own Icecast (Debian's icecast2) on a free loopback port with
# a generated configuration; the system service is never started. `make test` runs this first:
# nothing to do when icecast2 is there; otherwise it is installed with apt-get as root or with
# passwordless sudo (debconf's questions answered "no": the package's own server stays
# unconfigured), or the run stops at once with the one command to type.
if command -v icecast2 >/dev/null 2>&1 || command -v icecast >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
else
    SUDO="none"
fi
if [ "$SUDO" = none ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "make test: the live-stream tests need Icecast (icecast2), which is not installed." >&2
    echo "Install it once, then run make test again:" >&2
    echo "    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y icecast2" >&2
    exit 1
fi
echo "make test: installing Icecast for the live-stream tests (apt-get install icecast2)…"
echo "icecast2 icecast2/icecast-setup boolean false" | $SUDO debconf-set-selections 2>/dev/null
$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq icecast2 >/dev/null
status=$?
if [ $status -ne 0 ] || ! command -v icecast2 >/dev/null 2>&1; then
    echo "make test: could not install icecast2 (apt-get exit $status). Run: sudo apt-get install -y icecast2" >&2
    exit 1
fi
