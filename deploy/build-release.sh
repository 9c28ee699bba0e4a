#!/usr/bin/env bash
# Builds the release of each service: OUT/<target>/ holds the repository layout cut down to what
# that service runs (root package.json, lock file, subgraphs.json, each needed workspace's
# package.json, dist/ and *.graphql) and a node_modules with production dependencies only. No
# TypeScript, no tsx: the service starts with `node dist/main.js` in its workspace folder.
#
# deploy/Dockerfile runs this script in its build stage, and CI runs the same script outside a
# container, so the commands an image is built with are the ones CI checks.
#
# Usage: deploy/build-release.sh [--out DIR] [--skip-install] [--skip-build] [TARGET...]
#   TARGET    gateway, spaces, licensing, cards, support or migrate (default: all six);
#             migrate holds every subgraph plus scripts/ and runs `npm run migrate` at the root
#   --out     where the releases go (default: $TMPDIR/kyodo-release, outside the repository so
#             lint and the workspaces never see the copies)
#   --skip-install  do not run `npm ci` (node_modules is already installed, e.g. in CI)
#   --skip-build    do not run `npm run build` (dist/ is already built)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${TMPDIR:-/tmp}/kyodo-release"
install=true
build=true
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --skip-install) install=false; shift ;;
    --skip-build) build=false; shift ;;
    -h|--help) sed -n '2,16p' "${BASH_SOURCE[0]}"; exit 0 ;;
    -*) echo "build-release: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(gateway spaces licensing cards support migrate)
mkdir -p "$out"
out="$(cd "$out" && pwd)"

log() { printf '==> build-release: %s\n' "$*" >&2; }
cd "$root"

if [ "$install" = true ]; then
  log "npm ci"
  npm ci --no-audit --no-fund
fi
if [ "$build" = true ]; then
  log "npm run build"
  npm run build
fi

# The workspace folders a target needs: its own and every @kyodo/* package it depends on at run
# time (dependencies, not devDependencies), found through the workspaces' package.json files.
workspaces_for() {
  node --input-type=module - "$@" <<'NODE'
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
const [target] = process.argv.slice(2);
const rootPackage = JSON.parse(readFileSync('package.json', 'utf8'));
const folders = rootPackage.workspaces.flatMap((pattern) =>
  pattern.endsWith('/*')
    ? readdirSync(pattern.slice(0, -2), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `${pattern.slice(0, -2)}/${d.name}`)
    : [pattern],
).filter((folder) => existsSync(join(folder, 'package.json')));
const byName = new Map(folders.map((folder) => [JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')).name, folder]));
const services = folders.filter((folder) => folder.startsWith('services/'));
const entries = target === 'migrate' ? services : [target === 'gateway' ? 'gateway' : `services/${target}`];
const needed = new Set();
const visit = (folder) => {
  if (needed.has(folder)) return;
  if (!existsSync(join(folder, 'package.json'))) throw new Error(`build-release: no workspace ${folder} for target ${target}`);
  needed.add(folder);
  const dependencies = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')).dependencies ?? {};
  for (const name of Object.keys(dependencies)) if (byName.has(name)) visit(byName.get(name));
};
entries.forEach(visit);
console.log([...needed].sort().join('\n'));
NODE
}

# Copies a tree by hard links where the file system allows it (fast, no extra space), else by
# copying; npm prune only removes files afterwards, so the source tree is left as it was.
copy_tree() {
  cp -al "$1" "$2" 2>/dev/null || { rm -rf "$2"; cp -a "$1" "$2"; }
}

assemble() {
  local target=$1 dest="$out/$1" folder
  local -a folders
  mapfile -t folders < <(workspaces_for "$target")
  log "$target: ${folders[*]}"
  rm -rf "$dest"
  mkdir -p "$dest"
  cp package.json package-lock.json "$dest/"
  [ ! -f subgraphs.json ] || cp subgraphs.json "$dest/"
  [ "$target" != migrate ] || cp -R scripts "$dest/scripts"
  # the client apps' trusted documents: the gateway in production runs only these (by hash)
  if [ "$target" = gateway ]; then
    mkdir -p "$dest/packages/client/src/gql"
    cp packages/client/src/gql/persisted-documents.json "$dest/packages/client/src/gql/"
    # the sandbox's example collections (gateway/src/sandbox-guide.ts reads them)
    mkdir -p "$dest/gateway"
    cp -R gateway/sandbox "$dest/gateway/sandbox"
    # the web app it serves under /app/ (gateway/src/web-app.ts finds it at apps/web/dist)
    [ -f apps/web/dist/index.html ] || { echo "build-release: apps/web/dist is missing (did npm run build run?)" >&2; exit 1; }
    mkdir -p "$dest/apps/web"
    cp -R apps/web/dist "$dest/apps/web/dist"
  fi
  for folder in "${folders[@]}"; do
    [ -d "$folder/dist" ] || { echo "build-release: $folder/dist is missing (did npm run build run?)" >&2; exit 1; }
    mkdir -p "$dest/$folder"
    cp "$folder/package.json" "$dest/$folder/"
    cp -R "$folder/dist" "$dest/$folder/dist"
    find "$folder" -maxdepth 1 -name '*.graphql' -exec cp {} "$dest/$folder/" \;
    [ ! -d "$folder/node_modules" ] || copy_tree "$folder/node_modules" "$dest/$folder/node_modules"
  done
  copy_tree node_modules "$dest/node_modules"
  # npm rewrites these: break the hard links first so the source tree's copies stay untouched
  rm -f "$dest/node_modules/.package-lock.json"
  [ ! -f node_modules/.package-lock.json ] || cp node_modules/.package-lock.json "$dest/node_modules/.package-lock.json"
  # The release's root lists only the workspaces it holds, so npm prune drops every other
  # workspace's dependencies as well as all devDependencies (nothing is downloaded or rebuilt).
  node --input-type=module - "$dest/package.json" "${folders[@]}" <<'NODE'
import { readFileSync, writeFileSync } from 'node:fs';
const [file, ...workspaces] = process.argv.slice(2);
const rootPackage = JSON.parse(readFileSync(file, 'utf8'));
rootPackage.workspaces = workspaces;
delete rootPackage.devDependencies;
writeFileSync(file, `${JSON.stringify(rootPackage, null, 2)}\n`);
NODE
  (cd "$dest" && npm prune --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
  rm -rf "$dest/node_modules/.cache"
  # migrations render no invoice PDF: the Japanese font package (about 50 MB) stays out of migrate
  [ "$target" != migrate ] || rm -rf "$dest/node_modules/@expo-google-fonts"
  # a service's release: one esbuild bundle in its dist/, node_modules cut to what the bundle
  # loads (native modules, what OpenTelemetry instruments); migrate runs every subgraph's
  # migrations with scripts/migrate.mjs from the workspaces' dist/ and stays as it is
  if [ "$target" != migrate ]; then
    node deploy/bundle-release.mjs "$dest" "$(entry_folder "$target")" || return 1
  fi
  local size limit
  size="$(du -sm "$dest" | cut -f1)"
  limit="$(size_limit "$target")"
  if [ "$size" -gt "$limit" ]; then
    log "$target: ${size} MB in $dest: OVER its target of ${limit} MB"
    return 1
  fi
  log "$target: ${size} MB in $dest (target: at most ${limit} MB)"
}

entry_folder() { if [ "$1" = gateway ]; then echo gateway; else echo "services/$1"; fi; }

# On-disk size targets (MB) of each release (issue 21): CI fails a release above its own.
size_limit() {
  case "$1" in
    gateway) echo 200 ;;
    migrate) echo 400 ;;
    *) echo 150 ;;
  esac
}

for target in "${targets[@]}"; do
  case "$target" in
    gateway|spaces|licensing|cards|support|migrate) assemble "$target" || exit 1 ;;
    *) echo "build-release: unknown target $target (gateway, spaces, licensing, cards, support or migrate)" >&2; exit 2 ;;
  esac
done
