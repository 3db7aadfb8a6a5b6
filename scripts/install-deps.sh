#!/bin/sh
# Installs the Debian packages gtmlint needs to build and test, if any are missing.
# Usage: scripts/install-deps.sh   (as root, or with sudo available)
set -eu

packages="cmake g++ ninja-build ccache pkg-config tao-pegtl-dev libfmt-dev nlohmann-json3-dev catch2 libre2-dev"

missing=""
for package in $packages; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing="$missing $package"
done
[ -z "$missing" ] && exit 0

echo "installing:$missing"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
