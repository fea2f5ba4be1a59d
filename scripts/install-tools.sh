#!/usr/bin/env bash
# Installs whatever is missing to build, serve and test Second Round, and skips every tool that is
# already present at the right version.
#   scripts/install-tools.sh            build tools: wasm32 target, trunk, wasm-bindgen CLI, wasm-opt, npm packages
#   scripts/install-tools.sh --browser  the same, plus Chromium and chromedriver for the tests, and
#                                       WebKitGTK's WebDriver and MiniBrowser with Xvfb (the WebKit run)
#   scripts/install-tools.sh --anki     the same, plus Anki itself (the `anki` pip package, in a
#                                       virtual environment in .tools/anki-venv) for the Anki checks
# (options can be combined)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
ANKI_VERSION=26.9.3
want() { case " $ARGS " in *" $1 "*) return 0 ;; esac; return 1; }
ARGS="$*"
BINARYEN_VERSION=132
# The wasm-bindgen CLI must match the library version in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (a few minutes)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: one of its locked dependencies is missing from the registry mirror.
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if ! wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION\b"; then
  log "installing wasm-opt (binaryen@$BINARYEN_VERSION from npm)"
  npm install -g "binaryen@$BINARYEN_VERSION"
fi

if [ ! -d node_modules/terser ] || [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages (terser for the build, playwright-core for the tests)"
  npm ci --no-audit --no-fund
fi

WEBKIT_BROWSER=/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser
if want --browser && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] \
    || [ ! -x /usr/bin/WebKitWebDriver ] || [ ! -x "$WEBKIT_BROWSER" ] || ! command -v xvfb-run >/dev/null; }; then
  log "installing chromium and chromedriver, WebKitGTK's WebDriver and MiniBrowser, and Xvfb"
  SUDO=""; [ "$(id -u)" != 0 ] && SUDO=sudo
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium chromium-driver webkit2gtk-driver libwebkit2gtk-4.1-0 xvfb xauth
fi
ANKI_PY=.tools/anki-venv/bin/python
if want --anki && ! "$ANKI_PY" -c "import importlib.metadata as m; assert m.version('anki') == '$ANKI_VERSION'" 2>/dev/null; then
  log "installing anki $ANKI_VERSION (pip, into .tools/anki-venv)"
  rm -rf .tools/anki-venv
  python3 -m venv .tools/anki-venv
  "$ANKI_PY" -m pip install --quiet --disable-pip-version-check "anki==$ANKI_VERSION"
fi
log "tools ready"
