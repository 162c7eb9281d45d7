#!/usr/bin/env bash
# The project's one entry point: `npm start` → serve, `npm test` → test, `npm run bench` → bench.
#
# On a fresh machine of this kind (Debian, root, Rust by rustup, Node and npm; no browser, no
# Trunk) it installs what is missing — only through the package registries (crates.io, npm,
# Debian) — and skips what is already there at the right version. Trunk never downloads
# anything: wasm-bindgen and wasm-opt are installed here and Trunk.toml sets offline = true.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

TRUNK_VERSION=0.21.14
log() { printf '\n== %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_rust() {
  # rust-toolchain.toml pins the channel and the wasm32 target; this installs them if missing.
  local channel
  channel=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)
  if ! rustup run "$channel" rustc --version >/dev/null 2>&1 \
    || ! rustup target list --installed --toolchain "$channel" | grep -q wasm32-unknown-unknown \
    || ! rustup component list --installed --toolchain "$channel" | grep -q clippy; then
    log "Rust $channel と wasm32 ターゲットを入れます"
    rustup toolchain install "$channel" --profile minimal --target wasm32-unknown-unknown --component clippy --component rustfmt
  fi
}

ensure_apt() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  # A Japanese font, so screenshots and print previews show text (not needed by nurses' PCs).
  fc-list 2>/dev/null | grep -qi 'IPAGothic\|IPAPGothic' || missing+=(fonts-ipafont-gothic)
  if [ ${#missing[@]} -gt 0 ]; then
    log "Debian パッケージを入れます: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get install -y --no-install-recommends "${missing[@]}" \
      || { as_root apt-get update && as_root apt-get install -y --no-install-recommends "${missing[@]}"; }
  fi
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    log "Trunk $TRUNK_VERSION を入れます（2コアで約20分）"
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi
}

ensure_wasm_bindgen() {
  local want tools
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  tools=$(sed -n 's/^wasm_bindgen *= *"\(.*\)"/\1/p' Trunk.toml)
  if [ "$want" != "$tools" ]; then
    echo "Trunk.toml [tools] wasm_bindgen = \"$tools\" ですが Cargo.lock は $want です。合わせてください。" >&2
    exit 1
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ] \
    || [ "$(wasm-bindgen-test-runner --version 2>/dev/null)" != "wasm-bindgen-test-runner $want" ]; then
    log "wasm-bindgen-cli $want を入れます"
    # Not --locked: its lock file pins a crate version this registry does not serve.
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

ensure_npm() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "npm のパッケージ（binaryen の wasm-opt, playwright-core）を入れます"
    npm ci --no-audit --no-fund
  fi
  local v
  v=$(wasm-opt --version 2>/dev/null || true)
  case "$v" in
    *version_132*) ;;
    *) echo "wasm-opt version_132 が見つかりません（$v）" >&2; exit 1 ;;
  esac
}

ensure_python() {
  # The bundle JSON Schema is checked against the test corpus with the `jsonschema` package.
  python3 -c 'import jsonschema' 2>/dev/null || { log "PyPI の jsonschema を入れます"; python3 -m pip install --quiet jsonschema; }
}

build_release() {
  log "リリース版をビルドします（dist/）"
  trunk build --release
}

cmd_serve() {
  ensure_rust
  ensure_trunk
  ensure_wasm_bindgen
  ensure_npm
  build_release
  log "配信を始めます"
  exec node e2e/server.mjs dist "${PORT:-8080}"
}

cmd_test() {
  # A fresh checkout gains nothing from incremental caches, which take as much disk as the build.
  export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
  ensure_rust
  ensure_apt
  ensure_trunk
  ensure_wasm_bindgen
  ensure_npm
  log "書式と lint（native と wasm32）"
  cargo fmt --all -- --check
  cargo clippy --all-targets -- -D warnings
  cargo clippy --target wasm32-unknown-unknown --lib --bins --test idb -- -D warnings
  cargo clippy --target wasm32-unknown-unknown --lib --features bench -- -D warnings
  log "ドメインと保存契約のテスト（native）"
  cargo test --all-targets
  log "バンドルの JSON Schema をテスト用ファイル群と照合"
  ensure_python
  python3 tests/bundles/check_schema.py
  log "IndexedDB のテスト（ヘッドレス Chromium）"
  CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test idb
  build_release
  log "E2E テスト（Playwright + Chromium）"
  node e2e/run.mjs
}

cmd_bench() {
  ensure_rust
  ensure_apt
  ensure_trunk
  ensure_wasm_bindgen
  ensure_npm
  build_release
  log "ベンチマーク用のビルド（dist-bench/: bench* の入口つき、データベースも別）"
  trunk build --release --features bench --dist dist-bench
  log "ベンチマーク（native: 集計）"
  cargo bench --bench summary
  log "ベンチマーク（Chromium）"
  node e2e/bench.mjs
}

case "${1:-test}" in
  serve) cmd_serve ;;
  test) cmd_test ;;
  bench) cmd_bench ;;
  *) echo "使い方: $0 serve|test|bench" >&2; exit 2 ;;
esac
