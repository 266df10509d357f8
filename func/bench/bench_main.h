/*
 * Shared Faasm entry point for the bench_*.c kernels.
 *
 * A kernel file defines `int bench_kernel(int n)` (pure compute, no imports) and
 * BENCH_DEFAULT_N, then includes this header. Under wasm it adds a Faasm-style
 * main: input = decimal n (empty -> default), output = decimal checksum.
 * With -DBENCH_NATIVE the header adds nothing but the export macro, so
 * bench/native_main.c can time bench_kernel directly.
 */
#ifndef FAASM_BENCH_MAIN_H
#define FAASM_BENCH_MAIN_H

#ifdef BENCH_NATIVE
#define BENCH_EXPORT
#else
#define BENCH_EXPORT __attribute__((export_name("bench_kernel")))
#endif

BENCH_EXPORT int bench_kernel(int n);

#ifndef BENCH_NATIVE
#include <faasm/host_interface.h>

int main(void) {
    unsigned char in[16];
    int len = __faasm_read_input(in, (int)sizeof(in));
    int n = 0;
    for (int i = 0; i < len && in[i] >= '0' && in[i] <= '9'; i++) {
        n = n * 10 + (in[i] - '0');
    }
    if (len <= 0) {
        n = BENCH_DEFAULT_N;
    }
    /* Decimal text with a trailing NUL: WAVM reads output as a C string. */
    unsigned int sum = (unsigned int)bench_kernel(n);
    char out[12];
    int pos = 11;
    out[pos] = 0;
    do {
        out[--pos] = (char)('0' + sum % 10);
        sum /= 10;
    } while (sum != 0);
    __faasm_write_output(out + pos, 11 - pos);
    return 0;
}
#endif

#endif
