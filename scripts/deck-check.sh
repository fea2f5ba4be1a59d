#!/usr/bin/env bash
# The deck's self-check for its writers: prints every problem of every card, then the whole deck.
#
#   scripts/deck-check.sh                      the whole deck (decks/*.deck) and the deck-wide checks
#   scripts/deck-check.sh decks/02-sell.deck   only the cards of the files named
#
# Exit status 0 when clean, 1 when there are problems. The deck files are read as they are now.
# The checker itself is built from the last committed engine code (src/, examples/, build.rs,
# Cargo.*), not from the working tree, so edits in progress elsewhere never break it; it is
# rebuilt only when that code changes (the first run takes a minute or two).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
root=$(pwd)
cache="$root/target/deck-check"
mkdir -p "$cache"
key=$(git rev-parse HEAD:src HEAD:examples HEAD:build.rs HEAD:Cargo.toml HEAD:Cargo.lock | sha1sum | cut -c1-12)
bin="$cache/deck-check-$key"
if [ ! -x "$bin" ]; then
  exec 9>"$cache/lock"
  flock 9
  if [ ! -x "$bin" ]; then
    src="$cache/src"
    rm -rf "$src"
    mkdir -p "$src"
    git archive HEAD src examples build.rs Cargo.toml Cargo.lock decks | tar -x -C "$src"
    echo "Building the deck checker from the committed engine (once per engine change)…" >&2
    CARGO_TARGET_DIR="$cache/target" cargo build --quiet --example deck_check --manifest-path "$src/Cargo.toml"
    cp "$cache/target/debug/examples/deck_check" "$bin.tmp"
    mv "$bin.tmp" "$bin"
  fi
  exec 9>&-
fi
exec "$bin" "$@"
