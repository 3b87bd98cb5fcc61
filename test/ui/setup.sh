#!/usr/bin/env bash
# Installs what the UI suite needs on a fresh Debian 12 machine, offline but for the npm registry and
# Debian's packages: Chromium (for Playwright), a CJK font (Chinese text in screenshots), ripgrep and the
# Kerberos headers (code-server's native modules), then code-server 4.100.3 (= VS Code 1.100.3) into
# $UI_CACHE. Safe to run again: each part is skipped when already there.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
UI_CACHE=${UI_CACHE:-$ROOT/.ui-cache}
CS_VERSION=4.100.3      # the last code-server whose engines.node accepts Node 20
RG_PKG_VERSION=1.15.11  # @vscode/ripgrep as pinned by code-server 4.100.3
RG_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

need_pkgs=()
for p in chromium ripgrep libkrb5-dev fonts-noto-cjk; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || need_pkgs+=("$p")
done
if [ ${#need_pkgs[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${need_pkgs[*]}"
  SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${need_pkgs[@]}"
fi
for t in make g++ python3; do command -v $t >/dev/null || { echo "setup: missing $t"; exit 1; }; done
test -f /usr/include/node/node.h || { echo "setup: no Node headers in /usr/include/node (node-gyp would download them)"; exit 1; }

CS_BIN="$UI_CACHE/cs/node_modules/.bin/code-server"
if [ -x "$CS_BIN" ] && "$CS_BIN" --version 2>/dev/null | grep -q "^$CS_VERSION"; then
  echo "setup: code-server $CS_VERSION already in $UI_CACHE"
  exit 0
fi
rm -rf "$UI_CACHE/cs"; mkdir -p "$UI_CACHE/cs" "$UI_CACHE/tmp"
export TMPDIR="$UI_CACHE/tmp"
# @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache already holds the asset:
# give it Debian's rg under the name it looks for.
mkdir -p "$TMPDIR/vscode-ripgrep-cache-$RG_PKG_VERSION"
tar czf "$TMPDIR/vscode-ripgrep-cache-$RG_PKG_VERSION/$RG_ASSET" -C /usr/bin rg
cd "$UI_CACHE/cs"
echo '{"name":"agp-ui-code-server","private":true}' > package.json
# unsafe_perm: code-server's postinstall refuses root without it; nodedir: native modules build against
# the local Node headers; yes: node-pty's postinstall runs npx; allow scripts: npm 11 skips them otherwise.
npm_config_unsafe_perm=true npm_config_nodedir=/usr npm_config_yes=true \
npm_config_dangerously_allow_all_scripts=true \
  npm install --no-audit --no-fund --no-save "code-server@$CS_VERSION"
"$CS_BIN" --version | head -1
