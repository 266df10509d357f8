/* Benchmark kernel: n x n double-precision matrix multiply (floating-point, cache bound). */
#define BENCH_DEFAULT_N 200
#include "bench/bench_main.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int bench_kernel(int n) {
    size_t cells = (size_t)n * (size_t)n;
    double *a = malloc(cells * sizeof(double));
    double *b = malloc(cells * sizeof(double));
    double *c = malloc(cells * sizeof(double));
    /* Small dyadic values: every product and sum is exact, so no engine can round differently. */
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
            a[i * n + j] = (double)((i * 7 + j * 3) % 17 - 8) / 8.0;
            b[i * n + j] = (double)((i * 5 + j * 11) % 13 - 6) / 4.0;
        }
    }
    memset(c, 0, cells * sizeof(double));
    /* i-k-j order: the inner loop walks rows of b and c contiguously. */
    for (int i = 0; i < n; i++) {
        for (int k = 0; k < n; k++) {
            double aik = a[i * n + k];
            for (int j = 0; j < n; j++) {
                c[i * n + j] += aik * b[k * n + j];
            }
        }
    }
    uint32_t sum = 0;
    for (size_t i = 0; i < cells; i++) {
        sum = sum * 31u + (uint32_t)(int64_t)(c[i] * 32.0);
    }
    free(a);
    free(b);
    free(c);
    return (int)sum;
}
