package org.faasm.conformance.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A compute kernel: {@code func/bench_<name>.c}, built to {@code wasm/bench_<name>.wasm}, exporting
 * {@code int bench_kernel(int n)}. The sizes here must match the meaning of n in the C file, and
 * {@code fullN} equals the file's BENCH_DEFAULT_N (what a Faasm call with empty input computes).
 */
public record Kernel(String name, String nMeaning, int fullN, int quickN) {

    public static final List<Kernel> ALL = List.of(
            new Kernel("fib", "fib(n), recursive", 30, 20),
            new Kernel("sha256", "SHA-256 over n KiB", 4096, 64),
            new Kernel("matmul", "n x n double matmul", 200, 48),
            new Kernel("memcpy", "n rounds of memcpy/memmove over 4 MiB", 64, 2),
            new Kernel("simd_dot", "n rounds of an int16 dot product over 2 x 1 MiB, SIMD128", 16, 2));

    public int n(boolean quick) {
        return quick ? quickN : fullN;
    }

    public String moduleName() {
        return "bench_" + name;
    }

    public static Kernel byName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return ALL.stream()
                .filter(k -> k.name.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown kernel '" + name + "' (known: "
                        + ALL.stream().map(Kernel::name).collect(Collectors.joining(", ")) + ")"));
    }

    public static List<Kernel> parseList(String csv) {
        return Arrays.stream(csv.split(",")).filter(s -> !s.isBlank()).map(Kernel::byName).toList();
    }
}
