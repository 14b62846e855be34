#!/usr/bin/env bash
# Installs the Debian packages cmas builds against, if any is missing:
# the SQLite and PostgreSQL client libraries (diesel links them), pkg-config, and
# qpdf and poppler-utils, with which the tests check generated PDFs, and
# LibreOffice Writer (headless) with the sqlite3 shell, with which
# scripts/docx-check.sh opens the Word documents; and, from PyPI, the
# aiosmtpd mail server the mail tests send to.
set -euo pipefail
needed=(libsqlite3-dev libpq-dev pkg-config qpdf poppler-utils libreoffice-writer-nogui sqlite3)
missing=()
for pkg in "${needed[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq "${missing[@]}"
fi
if ! python3 -c 'import aiosmtpd' 2>/dev/null; then
  echo "installing aiosmtpd"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore "aiosmtpd==1.4.6"
fi
