#!/usr/bin/env bash
# Compile-time benchmark: the incremental rebuild cost of N security-scheme declarations,
# authscheme's #[derive(SecurityScheme)] side by side with poem-openapi's, in the same run.
#
#   bash scripts/compile-bench.sh            # N = 100 and 1000, 5 rebuilds each
#   RUNS=9 SIZES="100 1000 3000" bash scripts/compile-bench.sh
#   CLEAN=1 bash scripts/compile-bench.sh    # and delete target/compile-bench/ afterwards
#
# target/compile-bench/ keeps the generated crates and their two target directories (about
# 3 GB with both sizes), so that the next run starts with the dependencies built; CLEAN=1
# removes it when the run ends, as does `rm -rf target/compile-bench` or `cargo clean`.
#
# For each library and size it generates a crate under target/compile-bench/ with N
# declarations of mixed kinds (OAuth2 password flow with two scopes, header API key, JWT
# bearer, Basic, OpenID Connect — one fifth each, each with a doc comment), builds it once,
# then RUNS times touches src/lib.rs and times `cargo build` (debug, incremental, as a developer
# rebuilds), alternating between the two libraries. It prints the median of each and the ratio authscheme / poem-openapi.
#
# Equivalence notes: poem-openapi declares OAuth2 scopes on a separate `#[derive(OAuthScopes)]`
# enum; all its OAuth2 declarations share one such enum (which favours poem-openapi), whereas
# every authscheme declaration lists its scopes inline. poem-openapi's schemes wrap its
# credential types (`struct S(Bearer)`), authscheme's are unit structs.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/target/compile-bench"
runs=${RUNS:-5}
sizes=${SIZES:-"100 1000"}
mkdir -p "$out"
if [[ ${CLEAN:-0} == 1 ]]; then
  trap 'rm -rf "$out"' EXIT
fi

gen_authscheme() { # $1 = dir, $2 = n
  local dir=$1 n=$2 i
  mkdir -p "$dir/src"
  cat >"$dir/Cargo.toml" <<TOML
[package]
name = "bench-authscheme-$n"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
authscheme = { path = "$root/runtime" }

[workspace]
TOML
  {
    echo '#![allow(dead_code)]'
    echo 'use authscheme::SecurityScheme;'
    for ((i = 0; i < n; i++)); do
      echo "/// Scheme number $i."
      echo '#[derive(SecurityScheme)]'
      case $((i % 5)) in
        0) echo '#[oauth2(token_url = "/token", scopes("items:read" = "Read items", "items:write" = "Write items"))]' ;;
        1) echo "#[api_key(header = \"X-API-Key-$i\")]" ;;
        2) echo '#[http(bearer, format = "JWT")]' ;;
        3) echo '#[http(basic)]' ;;
        4) echo '#[openid_connect(url = "https://id.example.com/.well-known/openid-configuration")]' ;;
      esac
      echo "pub struct Scheme$i;"
    done
  } >"$dir/src/lib.rs"
}

gen_poem() { # $1 = dir, $2 = n
  local dir=$1 n=$2 i
  mkdir -p "$dir/src"
  cat >"$dir/Cargo.toml" <<TOML
[package]
name = "bench-poem-$n"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
poem-openapi = { version = "5.1", default-features = false }

[workspace]
TOML
  {
    echo '#![allow(dead_code)]'
    echo 'use poem_openapi::{OAuthScopes, SecurityScheme, auth::{ApiKey, Basic, Bearer}};'
    echo '#[derive(OAuthScopes)]'
    echo 'pub enum ItemScopes {'
    echo '    /// Read items'
    echo '    #[oai(rename = "items:read")]'
    echo '    Read,'
    echo '    /// Write items'
    echo '    #[oai(rename = "items:write")]'
    echo '    Write,'
    echo '}'
    for ((i = 0; i < n; i++)); do
      echo "/// Scheme number $i."
      echo '#[derive(SecurityScheme)]'
      case $((i % 5)) in
        0) echo '#[oai(ty = "oauth2", flows(password(token_url = "/token", scopes = "ItemScopes")))]'
           echo "pub struct Scheme$i(Bearer);" ;;
        1) echo "#[oai(ty = \"api_key\", key_name = \"X-API-Key-$i\", key_in = \"header\")]"
           echo "pub struct Scheme$i(ApiKey);" ;;
        2) echo '#[oai(ty = "bearer", bearer_format = "JWT")]'
           echo "pub struct Scheme$i(Bearer);" ;;
        3) echo '#[oai(ty = "basic")]'
           echo "pub struct Scheme$i(Basic);" ;;
        4) echo '#[oai(ty = "openid_connect", openid_connect_url = "https://id.example.com/.well-known/openid-configuration")]'
           echo "pub struct Scheme$i(Bearer);" ;;
      esac
    done
  } >"$dir/src/lib.rs"
}

now() { date +%s.%N; }

# One incremental rebuild: touch the crate's source and time `cargo build`.
rebuild() { # $1 = dir, $2 = target dir; prints seconds
  local t0 t1
  touch "$1/src/lib.rs"
  t0=$(now)
  (cd "$1" && CARGO_TARGET_DIR=$2 cargo build -q 2>&1) >&2
  t1=$(now)
  echo "$t1 - $t0" | bc -l
}

median() { sort -g | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.3f", m}'; }

# The two crates are rebuilt alternately (authscheme, poem-openapi, authscheme, …) so that a
# change of machine load during the run affects both sides alike.
measure_pair() { # $1 = authscheme dir, $2 = poem dir; prints "a_median p_median"
  local i a=() p=()
  (cd "$1" && CARGO_TARGET_DIR=$out/target-authscheme cargo build -q 2>&1) >&2 || { echo "build of $1 failed" >&2; return 1; }
  (cd "$2" && CARGO_TARGET_DIR=$out/target-poem cargo build -q 2>&1) >&2 || { echo "build of $2 failed" >&2; return 1; }
  for ((i = 0; i < runs; i++)); do
    a+=("$(rebuild "$1" "$out/target-authscheme")")
    p+=("$(rebuild "$2" "$out/target-poem")")
  done
  echo "$(printf '%s\n' "${a[@]}" | median) $(printf '%s\n' "${p[@]}" | median)"
}

command -v bc >/dev/null || { echo "error: bc is needed (apt-get install -y bc)" >&2; exit 1; }

echo "| declarations | authscheme (s, median of $runs) | poem-openapi (s, median of $runs) | ratio |"
echo "|---:|---:|---:|---:|"
for n in $sizes; do
  gen_authscheme "$out/authscheme-$n" "$n"
  gen_poem "$out/poem-$n" "$n"
  read -r a p < <(measure_pair "$out/authscheme-$n" "$out/poem-$n")
  ratio=$(echo "$a / $p" | bc -l)
  printf '| %d | %s | %s | %.2f |\n' "$n" "$a" "$p" "$ratio"
done
