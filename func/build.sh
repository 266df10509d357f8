#!/usr/bin/env bash
# Builds every func/*.c into wasm/<name>.wasm (wasm32-wasi, Faasm-like link
# flags). Output is byte-for-byte reproducible and committed.
#
# Usage: func/build.sh [--check] [--clang PATH]
#   --check       build into a temporary directory and compare with wasm/;
#                 exit 1 naming every module that differs, is missing or extra
#   --clang PATH  compiler to use (default: $CLANG, else clang)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLANG="${CLANG:-clang}"
CHECK=0

while [ $# -gt 0 ]; do
    case "$1" in
        --check) CHECK=1; shift ;;
        --clang)
            [ $# -ge 2 ] || { echo "build.sh: --clang needs a path" >&2; exit 2; }
            CLANG="$2"; shift 2 ;;
        --clang=*) CLANG="${1#--clang=}"; shift ;;
        -h|--help) sed -n '2,9p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) echo "build.sh: unknown argument: $1" >&2; exit 2 ;;
    esac
done

export LC_ALL=C
export SOURCE_DATE_EPOCH=0

CFLAGS=(--target=wasm32-wasi -O2 -I "$ROOT/func/include")
# Faasm's executable link flags (cpp:faasmtools/build.py), minus the ones
# that need Faasm's own sysroot. Unlike Faasm, __wasm_call_ctors is NOT
# exported: lld 14 accepts --export=__wasm_call_ctors, but then it no longer
# wraps _start with the constructor call, and this (2022) wasi-libc's _start
# does not call it itself, so environ was never initialised. Without the
# export lld wraps every export (_start, malloc, free) as
# "__wasm_call_ctors(); f(); __wasm_call_dtors()": _start runs constructors
# and, on a normal return, the destructors that flush stdio. A host calling
# the exported malloc/free (await_call_output) also re-runs constructors and
# destructors around that call (harmless for these functions: none of them
# has its own constructors or relies on setenv across such a call).
LDFLAGS=(
    -Wl,--export=malloc
    -Wl,--export=free
    -Wl,-z,stack-size=4194304
    -Wl,--stack-first
    -Wl,--max-memory=4294901760
    -Wl,--strip-debug
)

if [ "$CHECK" = 1 ]; then
    OUT="$(mktemp -d)"
    trap 'rm -rf "$OUT"' EXIT
else
    OUT="$ROOT/wasm"
    mkdir -p "$OUT"
fi

shopt -s nullglob
sources=("$ROOT"/func/*.c)
[ ${#sources[@]} -gt 0 ] || { echo "build.sh: no func/*.c" >&2; exit 1; }

built=()
for src in "${sources[@]}"; do
    name="$(basename "$src" .c)"
    if ! [[ "$name" =~ ^[a-z0-9_]+$ ]]; then
        echo "build.sh: bad function name '$name' (must match [a-z0-9_]+)" >&2
        exit 1
    fi
    # Compile from the repo root with relative paths so nothing depends on cwd.
    (cd "$ROOT" && "$CLANG" "${CFLAGS[@]}" "${LDFLAGS[@]}" \
        -o "$OUT/$name.wasm.tmp" "func/$name.c")
    mv "$OUT/$name.wasm.tmp" "$OUT/$name.wasm"
    built+=("$name")
done

if [ "$CHECK" = 0 ]; then
    # Remove modules whose source is gone.
    for w in "$OUT"/*.wasm; do
        name="$(basename "$w" .wasm)"
        [ -f "$ROOT/func/$name.c" ] || { echo "removing stale wasm/$name.wasm"; rm -f "$w"; }
    done
    echo "built ${#built[@]} modules into wasm/"
    exit 0
fi

bad=0
for name in "${built[@]}"; do
    if [ ! -f "$ROOT/wasm/$name.wasm" ]; then
        echo "MISSING: wasm/$name.wasm (func/$name.c has no committed module)"; bad=1
    elif ! cmp -s "$OUT/$name.wasm" "$ROOT/wasm/$name.wasm"; then
        echo "DIFFERS: wasm/$name.wasm"; bad=1
    fi
done
for w in "$ROOT"/wasm/*.wasm; do
    name="$(basename "$w" .wasm)"
    if [ ! -f "$ROOT/func/$name.c" ]; then
        echo "EXTRA: wasm/$name.wasm (no func/$name.c)"; bad=1
    fi
done
if [ "$bad" = 0 ]; then
    echo "check ok: ${#built[@]} modules match wasm/"
fi
exit "$bad"
