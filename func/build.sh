#!/usr/bin/env bash
# Builds every func/<name>.c and func/<name>.cpp into wasm/<name>.wasm
# (wasm32-wasi) as Faasm's toolchain does, as far as Debian's clang 14 allows,
# and assembles the hostile guests, func/hostile/<name>.wat, with wat2wasm
# ($WAT2WASM, else wat2wasm); a <name> ending in _truncated is then cut to
# the first half of its bytes. Output is byte-for-byte reproducible and committed.
#
# Usage: func/build.sh [--check] [--clang PATH]
#   --check       build into a temporary directory and compare with wasm/;
#                 exit 1 naming every module that differs, is missing or extra
#   --clang PATH  C compiler to use (default: $CLANG, else clang); C++ uses
#                 $CLANGXX, else the same path with ++ appended
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
        -h|--help) sed -n '2,14p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) echo "build.sh: unknown argument: $1" >&2; exit 2 ;;
    esac
done

export LC_ALL=C
export SOURCE_DATE_EPOCH=0

CLANGXX="${CLANGXX:-$CLANG++}"
WAT2WASM="${WAT2WASM:-wat2wasm}"

# Compile flags of cpp:faasmtools/build.py (WASM_CFLAGS, WASM_WASI_LIBC_CFLAGS)
# minus --sysroot (Debian's default paths are right). The -m flags enable what
# Faasm's linker --features list names; clang 14 does not enable them by default.
# Every function gets SIMD_CFLAGS as in Faasm, but for the scalar bench kernels
# (bench_* without simd in the name): the bench compares engines on one module,
# and the jvm engine interprets a function that uses v128, so a vectorised
# kernel would time the interpreter, not Chicory's compiler.
FEATURES=bulk-memory,mutable-globals,sign-ext,reference-types,multivalue
CFLAGS=(
    --target=wasm32-wasi -O3
    -mbulk-memory -mmutable-globals -msign-ext -mreference-types -mmultivalue
    # clang 14 refuses other TLS models with bulk memory; wasi-libc's errno is _Thread_local
    -ftls-model=local-exec
    -DANSI -D__faasm
    -D_WASI_EMULATED_GETPID -D_WASI_EMULATED_PROCESS_CLOCKS -D_WASI_EMULATED_SIGNAL
    -I "$ROOT/func/include"
)
# cpp:faasmtools/build.py WASM_CFLAGS and linker features.
SIMD_CFLAGS=(-mrelaxed-simd -msimd128)
SIMD_FEATURES=relaxed-simd,simd128
# Debian's wasm32 libc++ is built without exceptions.
CXXFLAGS=(-fno-exceptions)
# Executable link flags of cpp:faasmtools/build.py (WASM_EXE_LDFLAGS; the
# linker --features are added per function), plus --export=_faasm_zygote from cpp:func/CMakeLists.txt.
# __wasm_call_ctors is exported, so lld 14 no longer wraps the exports with
# constructor and destructor calls: the host runs the constructors once, then
# the zygote, when it binds the module (faasm:src/wavm/WAVMWasmModule.cpp,
# doBindToFunctionInternal). Debian's crt1 _start leaves constructors to that
# wrapping, so -nostartfiles drops it for our own func/lib/start.c, which,
# like Faasm's wasi-libc fork, calls main without them. func/lib/zygote.c is
# the default zygote (libfaasm's is cpp:libfaasm/zygote.cpp).
LDFLAGS=(
    -nostartfiles
    -Wl,--stack-first
    -Wl,--export=__heap_base
    -Wl,--export=__data_end
    -Wl,--export=free
    -Wl,--export=malloc
    -Wl,--export=__wasm_call_ctors
    -Wl,--export=__stack_pointer
    -Wl,--export=_faasm_zygote
    -Wl,--max-memory=4294901760
    -Wl,-z,stack-size=4194304
    -Wl,--strip-debug
    -lc-printscan-long-double
    -lwasi-emulated-getpid
    -lwasi-emulated-process-clocks
    -lwasi-emulated-signal
)
SUPPORT=(start zygote)

OBJ="$(mktemp -d)"
trap 'rm -rf "$OBJ"' EXIT
if [ "$CHECK" = 1 ]; then
    OUT="$OBJ/wasm"
else
    OUT="$ROOT/wasm"
fi
mkdir -p "$OUT"

# Compile from the repo root with relative paths so nothing depends on cwd.
support=()
for name in "${SUPPORT[@]}"; do
    (cd "$ROOT" && "$CLANG" "${CFLAGS[@]}" -c -o "$OBJ/$name.o" "func/lib/$name.c")
    support+=("$OBJ/$name.o")
done

shopt -s nullglob
sources=("$ROOT"/func/*.c "$ROOT"/func/*.cpp "$ROOT"/func/hostile/*.wat)
[ ${#sources[@]} -gt 0 ] || { echo "build.sh: no func/*.c or func/*.cpp" >&2; exit 1; }

# The source of function $1, empty when there is none.
source_of() {
    if [ -f "$ROOT/func/$1.c" ]; then echo "func/$1.c";
    elif [ -f "$ROOT/func/$1.cpp" ]; then echo "func/$1.cpp";
    elif [ -f "$ROOT/func/hostile/$1.wat" ]; then echo "func/hostile/$1.wat"; fi
}

built=()
for src in "${sources[@]}"; do
    file="$(basename "$src")"
    name="${file%.*}"
    if ! [[ "$name" =~ ^[a-z0-9_]+$ ]]; then
        echo "build.sh: bad function name '$name' (must match [a-z0-9_]+)" >&2
        exit 1
    fi
    if [ "$(ls "$ROOT/func/$name.c" "$ROOT/func/$name.cpp" "$ROOT/func/hostile/$name.wat" 2>/dev/null | wc -l)" -gt 1 ]; then
        echo "build.sh: more than one source for $name (func/$name.c, .cpp, func/hostile/$name.wat)" >&2
        exit 1
    fi
    if [ "${file##*.}" = wat ]; then
        (cd "$ROOT" && "$WAT2WASM" -o "$OUT/$name.wasm.tmp" "func/hostile/$file")
        if [[ "$name" == *_truncated ]]; then
            head -c "$(( $(wc -c < "$OUT/$name.wasm.tmp") / 2 ))" "$OUT/$name.wasm.tmp" > "$OUT/$name.wasm.cut"
            mv "$OUT/$name.wasm.cut" "$OUT/$name.wasm.tmp"
        fi
        mv "$OUT/$name.wasm.tmp" "$OUT/$name.wasm"
        built+=("$name")
        continue
    fi
    compiler=("$CLANG")
    [ "${file##*.}" = cpp ] && compiler=("$CLANGXX" "${CXXFLAGS[@]}")
    simd=()
    features="$FEATURES"
    if [[ "$name" != bench_* || "$name" == *simd* ]]; then simd=("${SIMD_CFLAGS[@]}"); features="$FEATURES,$SIMD_FEATURES"; fi
    (cd "$ROOT" && "${compiler[@]}" "${CFLAGS[@]}" "${simd[@]}" "${LDFLAGS[@]}" -Xlinker "--features=$features" \
        -o "$OUT/$name.wasm.tmp" "${support[@]}" "func/$file")
    mv "$OUT/$name.wasm.tmp" "$OUT/$name.wasm"
    built+=("$name")
done

if [ "$CHECK" = 0 ]; then
    # Remove modules whose source is gone.
    for w in "$OUT"/*.wasm; do
        name="$(basename "$w" .wasm)"
        [ -n "$(source_of "$name")" ] || { echo "removing stale wasm/$name.wasm"; rm -f "$w"; }
    done
    echo "built ${#built[@]} modules into wasm/"
    exit 0
fi

bad=0
for name in "${built[@]}"; do
    if [ ! -f "$ROOT/wasm/$name.wasm" ]; then
        echo "MISSING: wasm/$name.wasm ($(source_of "$name") has no committed module)"; bad=1
    elif ! cmp -s "$OUT/$name.wasm" "$ROOT/wasm/$name.wasm"; then
        echo "DIFFERS: wasm/$name.wasm"; bad=1
    fi
done
for w in "$ROOT"/wasm/*.wasm; do
    name="$(basename "$w" .wasm)"
    if [ -z "$(source_of "$name")" ]; then
        echo "EXTRA: wasm/$name.wasm (no func/$name.c, .cpp or func/hostile/$name.wat)"; bad=1
    fi
done
if [ "$bad" = 0 ]; then
    echo "check ok: ${#built[@]} modules match wasm/"
fi
exit "$bad"
