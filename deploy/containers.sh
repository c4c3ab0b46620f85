#!/usr/bin/env bash
# The CSPR stack in real containers on this machine (Debian 12, root, no container registry):
# Debian's podman runs the images docker-compose.yml describes, through Debian's docker-compose
# talking to `podman system service`. Elsewhere, with Docker, `docker compose up` does the same.
#
#   deploy/containers.sh build          install what is missing, make the base image once, build cspr:latest
#   deploy/containers.sh up             build if needed, start the stack, run the health checks until healthy
#   deploy/containers.sh down [--volumes]  stop and remove the containers (the volumes stay unless --volumes)
#   deploy/containers.sh test           build, then run the container stack tests (ContainerTests)
#   deploy/containers.sh compose ARGS   docker-compose with this stack's project, file and socket
#   deploy/containers.sh podman ARGS    podman with this machine's containers.conf
#
# The base image (debian:bookworm-slim, made with debootstrap from the mirror apt uses) is made
# once and cached in podman's storage and as an OCI archive in $CSPR_CONTAINERS_CACHE
# (default /var/cache/cspr-containers), which survives `podman system reset`.
# The image's binaries are the host's (`swift build`, $CSPR_BUILD_CONFIGURATION, default debug,
# the build the tests make) with the toolchain's runtime libraries beside them
# (deploy/Dockerfile, CSPR_BINARIES=host).
#
# Settings: CSPR_HOME (default ./.cspr: tokens, as deploy/local.sh makes them), CSPR_GATEWAY_PORT
# (default 127.0.0.1:7180, away from deploy/local.sh's 7100-7104), CSPR_COMPOSE_PROJECT (default
# cspr), CSPR_SKIP_BUILD=1 (use what .build holds), CSPR_OUTBOX_RETRY_MAX_SECONDS.
# Pages (issue 18): CSPR_PUBLISH_PAGES=1 also publishes each stage's pages on the host
# (deploy/compose-pages.yml) at CSPR_INTAKE_PAGES_PORT, CSPR_RAPID_REVIEW_PAGES_PORT,
# CSPR_REVIEW_MANAGEMENT_PAGES_PORT, CSPR_PUBLICATION_PAGES_PORT (default 127.0.0.1:7181-7184);
# the dashboard links there and the pages link back to CSPR_DASHBOARD_URL (default
# http://$CSPR_GATEWAY_PORT). Without it only the gateway is published.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
HOME_DIR=${CSPR_HOME:-$ROOT/.cspr}
CACHE=${CSPR_CONTAINERS_CACHE:-/var/cache/cspr-containers}
CONFIGURATION=${CSPR_BUILD_CONFIGURATION:-debug}
PROJECT=${CSPR_COMPOSE_PROJECT:-cspr}
export CSPR_GATEWAY_PORT=${CSPR_GATEWAY_PORT:-127.0.0.1:7180}
# Where a browser on this machine reaches the dashboard and each stage's pages.
export CSPR_DASHBOARD_URL=${CSPR_DASHBOARD_URL:-http://$CSPR_GATEWAY_PORT}
export CSPR_INTAKE_PAGES_PORT=${CSPR_INTAKE_PAGES_PORT:-127.0.0.1:7181}
export CSPR_RAPID_REVIEW_PAGES_PORT=${CSPR_RAPID_REVIEW_PAGES_PORT:-127.0.0.1:7182}
export CSPR_REVIEW_MANAGEMENT_PAGES_PORT=${CSPR_REVIEW_MANAGEMENT_PAGES_PORT:-127.0.0.1:7183}
export CSPR_PUBLICATION_PAGES_PORT=${CSPR_PUBLICATION_PAGES_PORT:-127.0.0.1:7184}
COMPOSE_FILES=(-f "$ROOT/docker-compose.yml")
if [ "${CSPR_PUBLISH_PAGES:-}" = "1" ]; then COMPOSE_FILES+=(-f "$ROOT/deploy/compose-pages.yml"); fi
IMAGE=localhost/cspr:latest
BASE_IMAGE=localhost/debian:bookworm-slim
SOCKET=/run/podman/cspr.sock
SERVICE_UID=10001
PRODUCTS=(intake rapid-review review-management publication gateway cspr)
CONF=$CACHE/containers.conf
export DOCKER_HOST=unix://$SOCKET

# podman with this machine's containers.conf once containers_conf has made it.
podman() {
  if [ -f "$CONF" ]; then CONTAINERS_CONF=$CONF command podman "$@"; else command podman "$@"; fi
}

say() { printf '%s\n' "$*"; }
fail() { say "$*" >&2; exit 1; }

install_packages() {
  [ "$(id -u)" -eq 0 ] || fail "containers here need root (podman as root); elsewhere use Docker: docker compose up"
  local missing=()
  for package in podman debootstrap docker-compose curl python3-yaml uidmap fuse-overlayfs netavark aardvark-dns slirp4netns; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  mkdir -p "$CACHE" /run/podman
}

# The mirror apt already uses (deb822 sources first, then sources.list).
apt_mirror() {
  local uri
  uri=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  [ -n "$uri" ] || uri=$(awk '$1 == "deb" && $2 !~ /security/ { print $2; exit }' /etc/apt/sources.list 2>/dev/null || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

# debian:bookworm-slim without a registry: from podman's storage, else the cached archive, else
# debootstrap (about 100 s) and keep the archive.
base_image() {
  local archive=$CACHE/debian-bookworm-slim.oci.tar
  if ! podman image exists "$BASE_IMAGE" && [ -f "$archive" ]; then
    say "base image: loading $archive"
    podman load -q -i "$archive" >/dev/null || rm -f "$archive"
  fi
  if ! podman image exists "$BASE_IMAGE"; then
    say "base image: debootstrap --variant=minbase bookworm from $(apt_mirror) (once; cached in podman's storage and $archive)"
    local dir; dir=$(mktemp -d /var/tmp/cspr-debootstrap.XXXXXX)
    if ! debootstrap --variant=minbase bookworm "$dir" "$(apt_mirror)" >"$CACHE/debootstrap.log" 2>&1; then
      tail -5 "$CACHE/debootstrap.log"
      rm -rf "$dir"
      fail "debootstrap failed; see $CACHE/debootstrap.log"
    fi
    rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/*
    tar -C "$dir" -c . | podman import -q - "$BASE_IMAGE" >/dev/null || { rm -rf "$dir"; fail "podman import failed"; }
    rm -rf "$dir"
  fi
  if [ ! -f "$archive" ]; then
    podman save -q --format oci-archive -o "$archive.partial" "$BASE_IMAGE" && mv "$archive.partial" "$archive"
  fi
}

# Root without CAP_SYS_RESOURCE cannot raise rlimits: containers get limits at or below the
# host's hard limits (the first that `podman run` accepts).
containers_conf() {
  [ -f "$CONF" ] && return
  local files; files=$(ulimit -Hn)
  local processes; processes=$(ulimit -Hu)
  for limit in 32768 16384 4096; do
    [ "$processes" = unlimited ] || [ "$processes" -ge "$limit" ] || continue
    printf '[containers]\ndefault_ulimits = ["nofile=%s:%s", "nproc=%s:%s"]\n' "$files" "$files" "$limit" "$limit" >"$CONF.try"
    if CONTAINERS_CONF=$CONF.try command podman run --rm --network none "$BASE_IMAGE" true 2>/dev/null; then
      mv "$CONF.try" "$CONF"
      return
    fi
  done
  rm -f "$CONF.try"
  fail "podman run fails with every ulimit tried; see podman run --rm $BASE_IMAGE true"
}

# The host's binaries and the Swift runtime libraries they link, as deploy/Dockerfile's host stage reads them.
stage_binaries() {
  local context=$1 built=$ROOT/.build/$CONFIGURATION
  if [ "${CSPR_SKIP_BUILD:-}" != "1" ]; then
    say "building ($CONFIGURATION)..."
    swift build -c "$CONFIGURATION" 2>&1 | grep -E "error|warning:|Build complete" | tail -3
  fi
  mkdir -p "$context/bin" "$context/lib"
  for product in "${PRODUCTS[@]}"; do
    [ -x "$built/$product" ] || fail "$built/$product is missing: swift build -c $CONFIGURATION"
    cp "$built/$product" "$context/bin/"
  done
  # Every library a binary loads from outside the system's directories: the toolchain's.
  for product in "${PRODUCTS[@]}"; do
    ldd "$context/bin/$product" | awk '$3 ~ /^\// && $3 !~ /^\/(usr\/)?lib/ { print $3 }'
  done | sort -u | while read -r library; do cp "$library" "$context/lib/"; done
}

build() {
  install_packages
  base_image
  containers_conf
  local context; context=$(mktemp -d /var/tmp/cspr-image.XXXXXX)
  stage_binaries "$context"
  say "building $IMAGE (deploy/Dockerfile, CSPR_BINARIES=host)..."
  local log=$CACHE/build.log
  if ! podman build --build-arg CSPR_BINARIES=host -f "$ROOT/deploy/Dockerfile" -t "$IMAGE" "$context" >"$log" 2>&1; then
    tail -20 "$log"
    rm -rf "$context"
    fail "podman build failed; see $log"
  fi
  rm -rf "$context"
  podman image prune -f >/dev/null 2>&1 || true
  say "built $IMAGE"
}

# The Docker API docker-compose talks to; it exits by itself after 10 idle minutes. One at a
# time starts it (the lock), so two runs never start two services on one socket.
answering() { curl -fsS --max-time 2 --unix-socket "$SOCKET" http://d/_ping >/dev/null 2>&1; }
api_service() {
  mkdir -p /run/podman "$CACHE"
  answering && return
  (
    flock 9
    answering && exit 0
    rm -f "$SOCKET"
    (
      for fd in /proc/$BASHPID/fd/*; do
        fd=${fd##*/}
        [ "$fd" -gt 2 ] 2>/dev/null && eval "exec $fd>&-" 2>/dev/null
      done
      CONTAINERS_CONF=$CONF exec setsid podman system service --time 600 "unix://$SOCKET" >>"$CACHE/service.log" 2>&1 </dev/null
    ) &
    for _ in $(seq 100); do
      answering && exit 0
      sleep 0.1
    done
    exit 1
  ) 9>"$CACHE/service.lock" || fail "podman system service did not answer on $SOCKET; see $CACHE/service.log"
}

random_token() { head -c 24 /dev/urandom | base64 | tr -d '/+=\n'; }

# The tokens, as deploy/local.sh makes them; the compose project's copy is the secret, owned by
# the services' uid (mode 0600: a service refuses a tokens file others can read).
make_tokens() {
  local file=$HOME_DIR/tokens
  mkdir -p "$HOME_DIR"
  if [ ! -f "$file" ]; then
    local roles=(partnership-support case-review-panel independent-chair review-team lead-reviewer agency board publication panel-viewer auditor admin)
    (
      umask 077
      say "# CSPR tokens for this machine: <token> <principal> <role>[,<role>...] [agency=<name>]; keep this file 0600."
      for role in "${roles[@]}"; do
        if [ "$role" = agency ]; then say "$(random_token) $role $role agency=Surrey Police"; else say "$(random_token) $role $role"; fi
      done
      "$ROOT/.build/$CONFIGURATION/cspr" services | while read -r name roles; do
        [ -n "$name" ] && say "$(random_token) $name $roles"
      done
    ) >"$file"
  fi
  local project_dir=$HOME_DIR/containers/$PROJECT
  mkdir -p "$project_dir/.cspr"
  install -m 0600 -o "$SERVICE_UID" "$file" "$project_dir/.cspr/tokens"
}

compose() {
  DOCKER_HOST=$DOCKER_HOST docker-compose -p "$PROJECT" "${COMPOSE_FILES[@]}" --project-directory "$HOME_DIR/containers/$PROJECT" "$@"
}

# Without systemd podman never runs the health checks: run them by hand until every service is
# healthy (docker-compose waits for the stages' health before it starts the gateway).
wait_healthy() {
  local started; started=$(date +%s)
  # The services of the default profile (the TLS proxy is in its own).
  local expected
  expected=$(compose config | python3 -c 'import sys, yaml; print(sum(1 for s in yaml.safe_load(sys.stdin)["services"].values() if not s.get("profiles")))')
  while true; do
    local containers; containers=$(podman ps -q --filter "label=com.docker.compose.project=$PROJECT")
    local healthy=0
    for container in $containers; do
      if podman healthcheck run "$container" >/dev/null 2>&1; then healthy=$((healthy + 1)); fi
    done
    if [ "$healthy" -ge "$expected" ] && ! kill -0 "$1" 2>/dev/null; then return 0; fi
    if [ $(($(date +%s) - started)) -gt 120 ]; then
      say "not healthy after 120 s: $healthy of $expected services"
      return 1
    fi
    sleep 1
  done
}

up() {
  podman image exists "$IMAGE" 2>/dev/null || build
  install_packages
  containers_conf
  api_service
  make_tokens
  say "starting project $PROJECT (gateway on $CSPR_GATEWAY_PORT)..."
  local log=$HOME_DIR/containers/$PROJECT/up.log
  compose up -d --no-build >"$log" 2>&1 &
  local compose_pid=$!
  if ! wait_healthy "$compose_pid"; then
    kill "$compose_pid" 2>/dev/null || true
    cat "$log"
    compose ps
    exit 1
  fi
  wait "$compose_pid" || { cat "$log"; fail "docker-compose up failed"; }
  compose ps
  say "dashboard:   http://$CSPR_GATEWAY_PORT/   (user: panel, password: the panel's token)"
  if [ "${CSPR_PUBLISH_PAGES:-}" = "1" ]; then
    say "pages:       intake http://$CSPR_INTAKE_PAGES_PORT/ · rapid-review http://$CSPR_RAPID_REVIEW_PAGES_PORT/rapid-reviews"
    say "             review-management http://$CSPR_REVIEW_MANAGEMENT_PAGES_PORT/ · publication http://$CSPR_PUBLICATION_PAGES_PORT/"
  else
    say "pages:       not published (CSPR_PUBLISH_PAGES=1 publishes each stage's pages on the host)"
  fi
  say "tokens:      $HOME_DIR/tokens"
  say "stop with:   deploy/containers.sh down"
}

down() {
  install_packages
  containers_conf
  api_service
  [ -f "$HOME_DIR/containers/$PROJECT/.cspr/tokens" ] || make_tokens
  compose down "$@"
}

run_tests() {
  if [ "${CSPR_SKIP_BUILD:-}" != "1" ]; then swift build --build-tests 2>&1 | grep -E "error|warning:|Build complete" | tail -3; fi
  CSPR_SKIP_BUILD=1 build
  swift test --skip-build --filter ContainerTests --no-parallel
}

case "${1:-}" in
  build) build ;;
  up) up ;;
  down) shift; down "$@" ;;
  test) run_tests ;;
  compose) shift; api_service; compose "$@" ;;
  podman) shift; podman "$@" ;;
  *) say "usage: deploy/containers.sh build | up | down [--volumes] | test | compose ARGS | podman ARGS"; exit 2 ;;
esac
