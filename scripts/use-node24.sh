#!/usr/bin/env bash
# Node 24 for this project on a machine whose own Node is older, with npm alone: installs the
# npm registry's `node` package (which brings `node-<os>-<arch>`: the binary and its headers) at
# the version `.nvmrc` names into `.tools/node24` (gitignored), and never touches the machine's Node.
#
#   source scripts/use-node24.sh        # this shell: Node 24 first on PATH
#   eval "$(scripts/use-node24.sh)"     # the same, from any shell that can eval
#
# When `node` on PATH is already 24 or newer it does nothing. Under the installed Node it also
# exports npm_config_nodedir (that package's headers): npm may be configured with the machine's
# headers (`npm config get nodedir`, e.g. /usr), and native modules (better-sqlite3) built
# against those would not load in Node 24 (NODE_MODULE_VERSION mismatch).
# .ci/run uses this script; so does the README's "Node 24 on an older machine".

_kyodo_node24() {
  local root want major dir pkg platform arch
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  want="$(tr -d ' \n\r' <"$root/.nvmrc")"
  major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  if [ "$major" -ge "${want%%.*}" ]; then
    return 0
  fi
  dir="$root/.tools/node24"
  platform="$(uname -s | tr '[:upper:]' '[:lower:]')"
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) arch="$(uname -m)" ;;
  esac
  pkg="$dir/node_modules/node/node_modules/node-$platform-$arch"
  if [ "$("$dir/node_modules/.bin/node" -v 2>/dev/null)" != "v$want" ] || [ ! -f "$pkg/include/node/node_version.h" ]; then
    printf '==> installing Node %s from the npm registry into %s (the machine has %s)\n' \
      "$want" "${dir#"$root"/}" "$(node -v 2>/dev/null || echo 'no Node')" >&2
    rm -rf "$dir"
    mkdir -p "$dir"
    # its own package.json: npm must not take the project's root (a workspace) for this prefix
    printf '{ "private": true }\n' >"$dir/package.json"
    # the `node` package's preinstall fetches node-<os>-<arch> and links its binary in place
    npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
      "node@$want" >&2 || return 1
    "$dir/node_modules/.bin/node" -v >/dev/null || return 1
  fi
  printf 'export PATH=%q:"$PATH"\nexport npm_config_nodedir=%q\n' "$dir/node_modules/.bin" "$pkg"
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  # sourced: change this shell
  if _kyodo_node24_env="$(_kyodo_node24)"; then
    eval "$_kyodo_node24_env"
    unset _kyodo_node24_env
    unset -f _kyodo_node24
  else
    unset _kyodo_node24_env
    unset -f _kyodo_node24
    echo "use-node24: could not install Node $(cat "$(dirname "${BASH_SOURCE[0]}")/../.nvmrc") from the npm registry" >&2
    false
  fi
else
  set -euo pipefail
  _kyodo_node24
fi
