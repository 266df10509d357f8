/* Benchmark kernel: n rounds of a dot product of two int16 vectors of 512 Ki elements (SIMD: built
 * with Faasm's -msimd128, clang vectorises the inner loop into v128 widening loads, multiplies and adds). */
#define BENCH_DEFAULT_N 16
#include "bench/bench_main.h"

#include <stdint.h>
#include <stdlib.h>

#define LEN (1u << 19)

static int16_t *a;
static int16_t *b;

int bench_kernel(int n) {
    if (a == NULL) {
        a = malloc(LEN * sizeof *a);
        b = malloc(LEN * sizeof *b);
        for (uint32_t i = 0; i < LEN; i++) {
            a[i] = (int16_t)(i * 2654435761u >> 16);
            b[i] = (int16_t)(i * 40503u);
        }
    }
    uint32_t sum = 0;
    for (int round = 0; round < n; round++) {
        /* b ^ round: each round's products differ, so the loop cannot be hoisted out. */
        uint32_t dot = 0;
        for (uint32_t i = 0; i < LEN; i++) {
            dot += (uint32_t)(a[i] * (int16_t)(b[i] ^ round));
        }
        sum = sum * 31u + dot;
    }
    return (int)sum;
}
