#!/usr/bin/env bash
# Requests per second and p50/p99 latency of `GET /users/me` with a valid token, on the
# demo (examples/examples/petstore.rs, release build) and on FastAPI's "OAuth2 scopes"
# tutorial app (benches/http/fastapi_app.py, under uvicorn), measured with wrk on this
# machine; prints a Markdown table and the ratio authscheme / FastAPI of requests/s.
#
#   bash scripts/http_bench.sh                       # 10 s per server, 32 connections
#   DURATION=3 bash scripts/http_bench.sh            # a quick look
#   ROUNDS=3 DURATION=10 bash scripts/http_bench.sh  # three rounds, alternating the order
#
# Settings (environment): DURATION seconds of load per server and round (10), WARMUP seconds
# of load before each, not counted (1), CONNECTIONS (32), THREADS of wrk (1), ROUNDS (1),
# SERVER_CPUS (1) and LOADGEN_CPUS (0) for taskset, PIN=0 to run unpinned, VENV (the
# virtualenv of the Python side, default $CARGO_TARGET_DIR/http-bench-venv), PYTHON (the
# interpreter that creates it, python3; CPython 3.11 is what requirements.txt was pinned on).
#
# Tokens: each server is sent a token from its own `POST /token` (johndoe, scope `me`). Both
# sign HS256 with 32 random bytes drawn at start, and both tokens carry the same claims
# (`sub`, `scope`, `exp`; the script checks it, and that each server refuses the other's
# token, so that signatures are really checked). The cost of verifying an HS256 signature
# does not depend on the key, and the two tokens have the same length (the script prints
# both), so one shared token would measure the same thing, at the price of a key option in
# the demo that nothing else needs; getting each from /token also shows both logins work.
#
# CPU pinning: the machine has 2 cores. Both servers run on SERVER_CPUS (core 1) and wrk on
# LOADGEN_CPUS (core 0), and only one server is loaded at a time. So each server has one
# whole core, and the load generator never takes time from it: tokio's multi-thread runtime
# sizes itself from the affinity mask (`available_parallelism`), so the demo gets one
# worker thread, and uvicorn runs one worker process, one event loop. Unpinned, with
# 2 uvicorn workers against tokio's 2 threads, wrk would share both cores with the server
# and the figures would say more about the scheduler than about either framework.
#
# The CPU columns tell whether a figure is the server's: "server CPU" is the server's CPU
# time over the run's wall time (of one CPU, as top counts), "others on its CPU" the rest of
# SERVER_CPUS' busy time (other processes on the machine), "wrk CPU" the load generator's.
# A server near 100 % was the bottleneck; a server well under it, with others high, was
# starved by other work, and with wrk near 100 %, the load generator was the limit.
#
# Uvicorn runs as FastAPI's deployment docs set it up, `uvicorn[standard]` (uvloop,
# httptools), with its access log off: the demo logs nothing per request, and a line per
# request would measure the logger.
#
# The demo's limits do not touch this load: no rate limit on /users/me (only logins are
# queued), 512 connections at most (the script refuses CONNECTIONS above that), a 10 s
# header read and request timeout, far above any latency here.
#
# Loopback only (both servers bind 127.0.0.1). Bounded: every wait gives up after 30 s,
# every wrk run is killed 30 s past its duration, and both servers are stopped on exit.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
duration=${DURATION:-10}
warmup=${WARMUP:-1}
connections=${CONNECTIONS:-32}
threads=${THREADS:-1}
rounds=${ROUNDS:-1}
server_cpus=${SERVER_CPUS:-1}
loadgen_cpus=${LOADGEN_CPUS:-0}
pin=${PIN:-1}
target=${CARGO_TARGET_DIR:-$root/target}
venv=${VENV:-$target/http-bench-venv}
python=${PYTHON:-python3}

fail() {
  echo "http_bench: $*" >&2
  exit 1
}
for setting in duration warmup connections threads rounds; do
  [[ ${!setting} =~ ^[0-9]+$ ]] || fail "${setting^^} must be a whole number, not '${!setting}'"
done
((duration > 0 && connections > 0 && threads > 0 && rounds > 0)) ||
  fail "DURATION, CONNECTIONS, THREADS and ROUNDS must be positive"
((threads <= connections)) || fail "THREADS ($threads) must not exceed CONNECTIONS ($connections)"
((connections <= 512)) || fail "CONNECTIONS above 512 would queue at the demo's connection limit"

# wrk: Debian's package, installed when missing and we may.
if ! command -v wrk >/dev/null; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    echo "installing wrk (apt-get)"
    apt-get update -qq && apt-get install -y -qq wrk >/dev/null
  else
    fail "wrk is not installed (Debian: apt-get install wrk)"
  fi
fi

# Pinning needs taskset and two CPUs we may use; otherwise run unpinned and say so.
server_pin=()
loadgen_pin=()
if [[ $pin == 1 ]]; then
  if command -v taskset >/dev/null && taskset -c "$server_cpus" true 2>/dev/null &&
    taskset -c "$loadgen_cpus" true 2>/dev/null; then
    server_pin=(taskset -c "$server_cpus")
    loadgen_pin=(taskset -c "$loadgen_cpus")
  else
    echo "warning: cannot pin (no taskset, or CPUs $server_cpus / $loadgen_cpus unavailable): running unpinned" >&2
    pin=0
  fi
fi

echo "building the demo (release)"
cargo build -q --release -p authscheme-examples --example petstore
petstore=$target/release/examples/petstore

# The Python side: a venv outside the repository, reinstalled when requirements.txt changes.
requirements=benches/http/requirements.txt
stamp=$venv/.requirements.sha256
wanted=$(sha256sum "$requirements" | cut -d' ' -f1)
if [[ ! -x $venv/bin/python || ! -f $stamp || $(cat "$stamp") != "$wanted" ]]; then
  echo "setting up the FastAPI virtualenv in $venv"
  "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$requirements"
  echo "$wanted" >"$stamp"
fi
py=$venv/bin/python

work=$(mktemp -d)
pids=()
stop_servers() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap stop_servers EXIT
trap 'exit 130' INT TERM

# The demo picks its own port (--port 0) and prints it. Without RUST_LOG: it logs nothing
# per request, as uvicorn here.
env -u RUST_LOG "${server_pin[@]}" "$petstore" --port 0 >"$work/petstore.log" 2>&1 &
petstore_pid=$!
pids+=("$petstore_pid")

# Uvicorn is given a port that was free a moment ago (it does not print the one it got).
port=$("$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# No __pycache__ left in the repository: the app is compiled once at start either way.
PYTHONDONTWRITEBYTECODE=1 "${server_pin[@]}" "$py" -m uvicorn fastapi_app:app --app-dir benches/http \
  --host 127.0.0.1 --port "$port" --loop uvloop --http httptools \
  --no-access-log --log-level warning >"$work/uvicorn.log" 2>&1 &
uvicorn_pid=$!
pids+=("$uvicorn_pid")
fastapi_base=http://127.0.0.1:$port

authscheme_base=
for _ in $(seq 300); do
  authscheme_base=$(sed -n 's/^listening on //p' "$work/petstore.log")
  [[ -n $authscheme_base ]] && break
  kill -0 "$petstore_pid" 2>/dev/null || { cat "$work/petstore.log" >&2; fail "the demo exited before listening"; }
  sleep 0.1
done
[[ -n $authscheme_base ]] || fail "the demo did not print its address in 30 s"

up=0
for _ in $(seq 300); do
  if curl -s -o /dev/null --max-time 1 "$fastapi_base/openapi.json"; then
    up=1
    break
  fi
  kill -0 "$uvicorn_pid" 2>/dev/null || { cat "$work/uvicorn.log" >&2; fail "uvicorn exited before listening"; }
  sleep 0.1
done
((up)) || fail "uvicorn did not answer in 30 s"

# A token for johndoe with scope `me`, from the server's own /token.
token_from() {
  local body
  body=$(curl -sS --fail-with-body --max-time 30 \
    -d username=johndoe -d password=secret -d scope=me "$1/token") ||
    fail "POST $1/token failed: $body"
  "$py" -c 'import json, sys; print(json.load(sys.stdin)["access_token"])' <<<"$body" ||
    fail "POST $1/token answered no access_token: $body"
}
# The claims of a token, for comparing the two: their names, and sub and scope.
claims_of() {
  "$py" -c '
import base64, json, sys
payload = sys.argv[1].split(".")[1]
claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
print(sorted(claims), claims["sub"], repr(claims["scope"]))' "$1"
}
# The status of GET /users/me with `token`; the body goes to $work/body.
status_with() {
  curl -sS -o "$work/body" -w '%{http_code}' --max-time 10 \
    -H "Authorization: Bearer $2" "$1/users/me"
}

authscheme_token=$(token_from "$authscheme_base")
fastapi_token=$(token_from "$fastapi_base")
[[ $(claims_of "$authscheme_token") == "$(claims_of "$fastapi_token")" ]] ||
  fail "the tokens carry different claims: $(claims_of "$authscheme_token") vs $(claims_of "$fastapi_token")"
echo "tokens: claims $(claims_of "$authscheme_token"); ${#authscheme_token} bytes (authscheme), ${#fastapi_token} bytes (FastAPI)"

for server in authscheme fastapi; do
  base_var=${server}_base token_var=${server}_token
  base=${!base_var} token=${!token_var}
  code=$(status_with "$base" "$token")
  [[ $code == 200 ]] || fail "$server: GET /users/me answered $code, not 200: $(cat "$work/body")"
  grep -q '"username":"johndoe"' "$work/body" ||
    fail "$server: GET /users/me did not answer johndoe: $(cat "$work/body")"
done
# Each refuses the other's token (another key): signatures are checked on both.
code=$(status_with "$authscheme_base" "$fastapi_token")
[[ $code == 401 ]] || fail "authscheme accepted FastAPI's token (status $code)"
code=$(status_with "$fastapi_base" "$authscheme_token")
[[ $code == 401 ]] || fail "FastAPI accepted authscheme's token (status $code)"
echo "checked: GET /users/me is 200 on both with its own token, 401 with the other's"

ticks=$(getconf CLK_TCK)
# CPU time of a process and its children so far, in clock ticks (utime + stime of each).
cpu_ticks() {
  local total=0 pid fields
  for pid in "$1" $(pgrep -P "$1" || true); do
    fields=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null) || continue
    # After the command name: field 12 is utime and 13 stime (14 and 15 of the whole line).
    total=$((total + $(awk '{print $12 + $13}' <<<"$fields")))
  done
  echo "$total"
}
# The CPUs of a taskset list ("1", "0,2-3"), one per word.
expand_cpus() {
  local part
  for part in ${1//,/ }; do
    if [[ $part == *-* ]]; then seq "${part%-*}" "${part#*-}"; else echo "$part"; fi
  done
}
server_cpu_list=$(expand_cpus "$server_cpus" | tr '\n' ' ')
# Busy time of the servers' CPUs so far, by every process, in clock ticks (/proc/stat: user,
# nice, system, irq, softirq and steal; idle and iowait are not busy).
cores_busy_ticks() {
  awk -v cpus="$server_cpu_list" '
    BEGIN { n = split(cpus, list, " "); for (i = 1; i <= n; i++) want["cpu" list[i]] = 1 }
    $1 in want { total += $2 + $3 + $4 + $7 + $8 + $9 }
    END { print total + 0 }' /proc/stat
}
# The children's CPU time (user + system) in a file written by `times`, in milliseconds: its
# second line. `times` must write a file from this shell itself: in a command substitution
# it would report the subshell's children, none.
times_ms() {
  awk 'NR == 2 {
    for (i = 1; i <= 2; i++) { split($i, t, "m"); total += t[1] * 60 + substr(t[2], 1, length(t[2]) - 1) }
    printf "%d", total * 1000
  }' "$1"
}

# One measured run: warm-up, then wrk for DURATION; appends a row to $work/rows.
measure() {
  local server=$1 base=$2 token=$3 pid=$4 round=$5 out
  local cores_before cores_after before after
  out=$work/wrk-$server-$round.txt
  if ((warmup > 0)); then
    timeout $((warmup + 30)) "${loadgen_pin[@]}" wrk -t"$threads" -c"$connections" \
      -d"${warmup}s" -H "Authorization: Bearer $token" "$base/users/me" >/dev/null
  fi
  cores_before=$(cores_busy_ticks)
  before=$(cpu_ticks "$pid")
  # wrk's CPU time: what this shell's children used, around the one wrk run.
  times >"$work/times-before"
  timeout $((duration + 30)) "${loadgen_pin[@]}" wrk -t"$threads" -c"$connections" \
    -d"${duration}s" --timeout 5s --latency -s benches/http/report.lua \
    -H "Authorization: Bearer $token" "$base/users/me" >"$out"
  times >"$work/times-after"
  after=$(cpu_ticks "$pid")
  cores_after=$(cores_busy_ticks)
  echo "--- $server, round $round: wrk's report"
  grep -v '^WRK_RESULT' "$out"
  local wrk_ms=$(($(times_ms "$work/times-after") - $(times_ms "$work/times-before")))
  # Ticks to milliseconds; what the servers' CPUs did besides the server is "others".
  local server_ms=$(((after - before) * 1000 / ticks))
  local others_ms=$(((cores_after - cores_before - (after - before)) * 1000 / ticks))
  ((others_ms >= 0)) || others_ms=0
  # Unpinned, the server has no CPU of its own to watch.
  ((pin)) || others_ms=-1
  awk -v server="$server" -v round="$round" -v server_ms="$server_ms" -v others_ms="$others_ms" \
    -v wrk_ms="$wrk_ms" '
    /^WRK_RESULT / {
      for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      print server, round, v["requests"], v["duration_us"], v["p50_us"], v["p99_us"], v["status"],
        v["connect"] + v["read"] + v["write"] + v["timeout"], server_ms, others_ms, wrk_ms
      found = 1
    }
    END { exit !found }' "$out" >>"$work/rows" || fail "$server: wrk printed no result line"
}

echo "measuring: ${duration}s per server and round (after ${warmup}s of warm-up), $connections connections, $threads wrk thread(s), $rounds round(s)"
if ((pin)); then
  echo "pinned: servers on CPU $server_cpus, wrk on CPU $loadgen_cpus"
fi
: >"$work/rows"
for round in $(seq "$rounds"); do
  # Alternate which server goes first, in case the machine's state drifts over a run.
  if ((round % 2)); then order=(authscheme fastapi); else order=(fastapi authscheme); fi
  for server in "${order[@]}"; do
    if [[ $server == authscheme ]]; then
      measure authscheme "$authscheme_base" "$authscheme_token" "$petstore_pid" "$round"
    else
      measure fastapi "$fastapi_base" "$fastapi_token" "$uvicorn_pid" "$round"
    fi
  done
done

echo
echo "GET /users/me with a valid token: ${duration}s per run, $connections connections, wrk $threads thread(s)$( ((pin)) && echo ", servers pinned to CPU $server_cpus, wrk to CPU $loadgen_cpus")"
echo
awk '
  function ms(us) { return sprintf("%.3f ms", us / 1000) }
  # Of one CPU, as top counts; "n/a" for the negative that stands for "not measured".
  function share(used_ms, seconds) { return used_ms < 0 ? "n/a" : sprintf("%.0f %%", used_ms / 10 / seconds) }
  {
    name = ($1 == "authscheme") ? "authscheme (petstore, release)" : "FastAPI (uvicorn, 1 worker)"
    seconds = $4 / 1e6
    rps = $3 / seconds
    rows[NR] = sprintf("| %s | %d | %.0f | %s | %s | %d | %d | %s | %s | %s |", name, $2, rps, ms($5), ms($6), $7, $8, share($9, seconds), share($10, seconds), share($11, seconds))
    if ($10 >= 0 && $10 / 10 / seconds > busiest) busiest = $10 / 10 / seconds
    requests[$1] += $3
    time[$1] += seconds
  }
  END {
    print "| server | round | requests/s | p50 | p99 | non-2xx | socket errors | server CPU | others on its CPU | wrk CPU |"
    print "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    for (i = 1; i <= NR; i++) print rows[i]
    a = requests["authscheme"] / time["authscheme"]
    f = requests["fastapi"] / time["fastapi"]
    printf "\nratio of requests/s, authscheme / FastAPI: %.1f (%.0f / %.0f)\n", a / f, a, f
    if (busiest >= 10)
      printf "\nwarning: other processes took up to %.0f %% of the servers\x27 CPU during a run: the figures are not the servers\x27 alone\n", busiest
  }' "$work/rows"
niceness=$(nice)
if ((niceness != 0)); then
  echo "warning: run at niceness $niceness: the servers and wrk got less CPU than other processes"
fi
