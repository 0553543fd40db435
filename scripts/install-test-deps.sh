#!/usr/bin/env bash
# Installs the Debian packages the test suite drives for real: PostgreSQL for the store contract
# tests, Chromium for the dashboard browser tests, Python for pipeline components (and python3-yaml
# for the script that drives the KFP API as kfp.Client does), bash and jq for the components that
# need them. Does nothing when everything is already there.
set -euo pipefail

packages=(postgresql chromium python3 python3-sklearn python3-yaml bash procps jq)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing Debian packages: ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
