#!/usr/bin/env bash
# Runs the whole CSPR stack on this machine, each service its own process with its own SQLite
# database under ./.cspr (or $CSPR_HOME).
#
#   deploy/local.sh up [--demo]   build (release), start every service, wait until ready
#   deploy/local.sh down          stop them gracefully (SIGTERM: in-flight calls drain); only a
#                                 process whose executable is our binary is signalled
#   deploy/local.sh status        each service's process and readiness
#   deploy/local.sh logs          follow the logs
#
# Ports and addresses come from the binaries (`intake --describe`: its name, default port,
# CSPR_<NAME>_URL variable, stage and peers); CSPR_PORT_BASE (default 7100) moves them all.
# Services not built yet are skipped with a message.
set -euo pipefail
# Everything this script creates (tokens, logs, pid files, data) is for this user only, on every
# start, not only the first one that made the tokens file (issue 17, item 12).
umask 077
cd "$(dirname "$0")/.."
ROOT=$(pwd)
HOME_DIR=${CSPR_HOME:-$ROOT/.cspr}
BASE=${CSPR_PORT_BASE:-7100}
CONFIGURATION=${CSPR_BUILD_CONFIGURATION:-release}
ROLES=(partnership-support case-review-panel independent-chair review-team lead-reviewer agency board publication panel-viewer auditor admin)

binary_of() { echo "$ROOT/.build/$CONFIGURATION/$1"; }

# The stack's services in start order (the stages, then the gateway) and the roles of each one's
# own principal, as the contract names them (`cspr services`: `<name> <roles>` a line); each
# service is an executable of the same name.
ALL_SERVICES=()
declare -A SERVICE_ROLES=()
list_services() {
  local cspr; cspr=$(binary_of cspr)
  [ -x "$cspr" ] || { say "nothing is built yet ($cspr is missing): deploy/local.sh up builds the stack"; exit 1; }
  local lines; lines=$("$cspr" services) || { say "$cspr services failed"; exit 1; }
  local name roles
  while read -r name roles; do
    [ -n "$name" ] || continue
    ALL_SERVICES+=("$name")
    SERVICE_ROLES[$name]=$roles
  done <<< "$lines"
  [ ${#ALL_SERVICES[@]} -gt 0 ] || { say "$cspr services named no service"; exit 1; }
}

# What a built service says of itself (`<binary> --describe`, one key=value a line): `port`,
# `variable`, `stage`, `peers`. describe_all asks each built binary once; `describe` alone, in a
# $(...) subshell, would ask again each time.
declare -A DESCRIPTIONS=()
describe() {
  local service=$1 key=$2 binary; binary=$(binary_of "$service")
  [ -x "$binary" ] || return 1
  if [ -z "${DESCRIPTIONS[$service]:-}" ]; then DESCRIPTIONS[$service]=$("$binary" --describe) || return 1; fi
  awk -F= -v key="$key" '$1 == key { sub(/^[^=]*=/, ""); print; found = 1 } END { exit !found }' <<< "${DESCRIPTIONS[$service]}"
}
describe_all() { for service in "${ALL_SERVICES[@]}"; do describe "$service" name >/dev/null || true; done; }

# A service's port on this machine: its default port, moved by CSPR_PORT_BASE.
port_of() { local port; port=$(describe "$1" port) && echo $((port - 7100 + BASE)); }
say() { printf '%s\n' "$*"; }

install_packages() {
  local missing=()
  for package in pkg-config libnghttp2-dev libsqlite3-dev curl; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing: ${missing[*]}"
    local sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

random_token() { head -c 24 /dev/urandom | base64 | tr -d '/+=\n'; }

make_tokens() {
  local file="$HOME_DIR/tokens"
  [ -f "$file" ] && return
  {
    say "# CSPR tokens for this machine: <token> <principal> <role>[,<role>...] [agency=<name>]; keep this file 0600."
    # The agency token speaks for one agency (the demo's police force) and records only its returns.
    for role in "${ROLES[@]}"; do
      if [ "$role" = agency ]; then say "$(random_token) $role $role agency=Surrey Police"; else say "$(random_token) $role $role"; fi
    done
    # Each service's own principal, with the roles its identity gives it.
    for service in "${ALL_SERVICES[@]}"; do say "$(random_token) $service ${SERVICE_ROLES[$service]}"; done
  } > "$file"
  chmod 600 "$file"
}

token_of() { awk -v p="$1" '$2 == p { print $1; exit }' "$HOME_DIR/tokens"; }

ready() { curl -fsS --max-time 2 "http://127.0.0.1:$(port_of "$1")/readyz" >/dev/null 2>&1; }

# The pid a service's pid file names, while that process runs and is still the service's binary:
# a pid file can outlive its process, and the number can be another program's by now.
pid_of() {
  local pid; pid=$(started_pid "$1") || return 1
  ours "$pid" "$1" && echo "$pid"
}

# The pid a service's pid file names, while it runs (just started, it may not have exec'd yet).
started_pid() {
  local file="$HOME_DIR/run/$1.pid"
  [ -f "$file" ] || return 1
  local pid; pid=$(cat "$file")
  [[ "$pid" =~ ^[0-9]+$ ]] && alive "$pid" && echo "$pid"
}

# The process runs one of our binaries for `service`: its executable (/proc/PID/exe, which a
# rebuild marks "(deleted)") is named for the service and lies under this checkout's .build.
ours() {
  local exe; exe=$(readlink "/proc/$1/exe" 2>/dev/null) || return 1
  exe=${exe% (deleted)}
  [ "${exe##*/}" = "$2" ] && [[ "$exe" == "$(cd "$ROOT" && pwd -P)/.build/"* ]]
}

# Running, and not a zombie waiting to be reaped (a killed service is one for a moment).
alive() { [ -r "/proc/$1/stat" ] && ! awk '{ exit ($3 == "Z" ? 0 : 1) }' "/proc/$1/stat" 2>/dev/null; }

start_service() {
  local service=$1 binary; binary=$(binary_of "$service")
  if [ ! -x "$binary" ]; then say "  $service: not built yet, skipped"; return; fi
  if pid_of "$service" >/dev/null; then say "  $service: already running"; return; fi
  mkdir -p "$HOME_DIR/data/$service" "$HOME_DIR/logs" "$HOME_DIR/run"
  (
    export CSPR_LISTEN="127.0.0.1:$(port_of "$service")" CSPR_DATA_DIR="$HOME_DIR/data/$service" CSPR_TOKENS_FILE="$HOME_DIR/tokens"
    # Peers: the stage services that are built (the gateway asks each of them).
    local stages=()
    for peer in "${ALL_SERVICES[@]}"; do
      [ -n "$(describe "$peer" stage)" ] || continue
      stages+=("$peer")
      export "$(describe "$peer" variable)=127.0.0.1:$(port_of "$peer")"
      # The dashboard's case page links to each stage's pages where a browser here reaches them.
      local pages_variable; pages_variable="$(describe "$peer" variable)"
      pages_variable="${pages_variable%_URL}_PAGES_URL"
      [ -n "${!pages_variable:-}" ] || export "$pages_variable=http://127.0.0.1:$(port_of "$peer")"
    done
    CSPR_GATEWAY_STAGES=$(IFS=,; echo "${stages[*]}")
    export CSPR_GATEWAY_STAGES
    # The stages' pages link back to the dashboard; the dashboard links to every stage's pages
    # (CSPR_<STAGE>_PAGES_URL, exported above).
    if [ -z "${CSPR_DASHBOARD_URL:-}" ] && gateway_port=$(port_of gateway 2>/dev/null); then
      export CSPR_DASHBOARD_URL="http://127.0.0.1:$gateway_port"
    fi
    # A peer this machine does not run yet (publication, for review-management's hand-over) is
    # addressed where it would listen, moved by CSPR_PORT_BASE like the others, not at its
    # default port where something else may be.
    while read -r variable port; do
      if [ -n "$variable" ] && [ -z "${!variable:-}" ]; then export "$variable=127.0.0.1:$((port - 7100 + BASE))"; fi
    done < <(awk -F= '$1 ~ /^peer\./ { sub(/^[^=]*=/, ""); print }' <<< "${DESCRIPTIONS[$service]:-$("$binary" --describe)}")
    # A service keeps none of this script's other descriptors (a caller waiting for the script's
    # output to close would otherwise wait for the service too).
    for fd in /proc/$BASHPID/fd/*; do
      fd=${fd##*/}
      [ "$fd" -gt 2 ] 2>/dev/null && eval "exec $fd>&-" 2>/dev/null
    done
    exec nohup "$binary" >> "$HOME_DIR/logs/$service.log" 2>&1 < /dev/null
  ) &
  echo $! > "$HOME_DIR/run/$service.pid"
}

up() {
  local demo=false
  [ "${1:-}" = "--demo" ] && demo=true
  install_packages
  mkdir -p "$HOME_DIR"
  if [ "${CSPR_SKIP_BUILD:-}" != "1" ]; then
    say "building ($CONFIGURATION)..."
    swift build -c "$CONFIGURATION" 2>&1 | grep -E "error|warning:|Compiling|Build complete" | tail -3
  fi
  list_services
  make_tokens
  describe_all
  say "starting:"
  for service in "${ALL_SERVICES[@]}"; do start_service "$service"; done
  local started; started=$(date +%s)
  for service in "${ALL_SERVICES[@]}"; do
    started_pid "$service" >/dev/null || continue
    until ready "$service"; do
      if ! started_pid "$service" >/dev/null; then say "  $service exited; see $HOME_DIR/logs/$service.log"; tail -5 "$HOME_DIR/logs/$service.log"; exit 1; fi
      if [ $(( $(date +%s) - started )) -gt 60 ]; then say "  $service not ready after 60 s; see $HOME_DIR/logs/$service.log"; exit 1; fi
      sleep 0.2
    done
    say "  $service ready on 127.0.0.1:$(port_of "$service")"
  done
  if $demo; then
    CSPR_INTAKE_URL="127.0.0.1:$(port_of intake)" CSPR_RAPID_REVIEW_URL="127.0.0.1:$(port_of rapid-review || echo 0)" \
      CSPR_REVIEW_MANAGEMENT_URL="127.0.0.1:$(port_of review-management || echo 0)" \
      CSPR_PUBLICATION_URL="127.0.0.1:$(port_of publication || echo 0)" deploy/demo.sh "$HOME_DIR"
  fi
  say ""
  if pid_of gateway >/dev/null; then say "dashboard:   http://127.0.0.1:$(port_of gateway)/   (user: panel, password: the panel's token)"; fi
  if pid_of intake >/dev/null; then
    say "intake's pages: http://127.0.0.1:$(port_of intake)/   (partnership support: referral, LA notification, scoping requests and letters, case file; sign in with the token below)"
    say "  agencies' scoping returns: http://127.0.0.1:$(port_of intake)/returns   (an agency's token, whose tokens line names its agency=)"
    say "partnership-support token: $(token_of partnership-support)"
  fi
  if pid_of rapid-review >/dev/null; then
    say "rapid-review's pages: http://127.0.0.1:$(port_of rapid-review)/rapid-reviews   (the panel: schedule, meeting, recommendation; the chair: ratification; partnership support: submission, the Appendix 5 document)"
    say "independent-chair token: $(token_of independent-chair)"
  fi
  if pid_of review-management >/dev/null; then say "review-management's pages: http://127.0.0.1:$(port_of review-management)/reviews   (the review team: terms of reference, lead reviewer, team, declarations, agencies asked, the report; the panel: agreeing the terms of reference; the board: approving the report; agencies: /agency/<case>, their chronology)"; fi
  if pid_of publication >/dev/null; then say "publication's pages: http://127.0.0.1:$(port_of publication)/publications   (publication team, partnership support: anonymisation gate, plan, advance copies, scheduling, publishing, repository; the panel also: action plans, learning; /published is public)"; fi
  say "panel token: $(token_of case-review-panel)"
  say "tokens:      $HOME_DIR/tokens"
  say "logs:        $HOME_DIR/logs/   data: $HOME_DIR/data/"
  say "stop with:   deploy/local.sh down"
}

down() {
  local stopping=()
  # Whatever this script started, by its pid files: stopping needs no binary.
  for file in "$HOME_DIR"/run/*.pid; do
    [ -e "$file" ] || continue
    local service; service=$(basename "$file" .pid)
    local pid
    if ! pid=$(pid_of "$service"); then
      # Gone, or the number now belongs to another program: signal nothing, forget the file.
      rm -f "$file"
      continue
    fi
    kill -TERM "$pid"
    stopping+=("$service")
    say "  $service: stopping (draining in-flight calls)"
  done
  for service in "${stopping[@]}"; do
    local pid; pid=$(pid_of "$service") || { rm -f "$HOME_DIR/run/$service.pid"; say "  $service: stopped"; continue; }
    for _ in $(seq 150); do alive "$pid" || break; sleep 0.1; done
    if alive "$pid"; then say "  $service did not stop in 15 s; killing"; kill -KILL "$pid"; fi
    rm -f "$HOME_DIR/run/$service.pid"
    say "  $service: stopped"
  done
}

status() {
  list_services
  describe_all
  for service in "${ALL_SERVICES[@]}"; do
    local pid
    if pid=$(pid_of "$service"); then
      if ready "$service"; then say "$service: running (pid $pid), ready on $(port_of "$service")"; else say "$service: running (pid $pid), NOT ready"; fi
    else
      say "$service: stopped"
    fi
  done
}

logs() { tail -n 20 -F "$HOME_DIR"/logs/*.log; }

case "${1:-}" in
  up) shift; up "$@" ;;
  down) down ;;
  status) status ;;
  logs) logs ;;
  *) say "usage: deploy/local.sh up [--demo] | down | status | logs"; exit 2 ;;
esac
