#!/usr/bin/env bash
# Mutation testing with cargo-mutants over the code that guards requests: the credential
# parsers, scope sets, the verified extractor, the JWT verifier and its token cache, and the
# derive's grammar.
# Every mutant is tested (no sampling); RELIABILITY.md records the scores.
#
#   bash scripts/mutants.sh                    # every group, in a copy of the tree
#   bash scripts/mutants.sh runtime            # one group: runtime | macros
#   bash scripts/mutants.sh runtime --in-diff changes.diff   # only mutants in a diff
#
# Needs cargo-mutants (`cargo install cargo-mutants --locked`). Extra arguments go to
# `cargo mutants`. Mutants argued to be equivalent are excluded in .cargo/mutants.toml, with
# the argument beside each.
# Output: mutants.out/ (one directory per group), whose caught.txt, missed.txt, timeout.txt
# and unviable.txt list the mutants by outcome.
set -euo pipefail
cd "$(dirname "$0")/.."

groups=${1:-all}
shift || true

run_group() { # $1 = name; then cargo-mutants arguments
  local name=$1
  shift
  echo "==> mutants: $name" >&2
  cargo mutants --all-features --timeout 300 --output "mutants.out/$name" "$@" "${extra[@]}"
}
extra=("$@")

if [[ $groups == all || $groups == runtime ]]; then
  # The runtime's files are tested by its own unit tests and doctests and by tests/.
  run_group runtime \
    --file 'runtime/src/credentials/*.rs' --file runtime/src/scopes.rs \
    --file runtime/src/compose/verified.rs --file runtime/src/verify/jwt.rs \
    --file runtime/src/verify/token_cache.rs \
    --test-package authscheme --test-package authscheme-tests
fi
if [[ $groups == all || $groups == macros ]]; then
  run_group macros --file macros/src/grammar.rs --test-package authscheme-macros
fi
