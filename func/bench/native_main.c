/*
 * Native timing shim for the bench_*.c kernels: the "speed of light" column.
 *
 * Built at bench time as: clang -O2 -DBENCH_NATIVE bench_<k>.c bench/native_main.c
 * BENCH_NATIVE compiles the kernel's Faasm main out, so no Faasm import is linked: a kernel whose
 * bench_kernel calls the host fails to link here, as it should (it must be pure compute).
 * Usage: <binary> <n> <warmup> <warmup_ms> <iterations> <budget_ms>
 * Prints one JSON object: {"checksum":..,"warmup":..,"samples_ns":[..]}.
 * Warm-up lasts at least <warmup> calls and <warmup_ms>; warm-up and measured loops stop early
 * once budget_ms is spent (at least one sample). Same rules as TimedLoop.java and run_v8.mjs.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int bench_kernel(int n);

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int main(int argc, char **argv) {
    if (argc != 6) {
        fprintf(stderr, "usage: %s <n> <warmup> <warmup_ms> <iterations> <budget_ms>\n", argv[0]);
        return 2;
    }
    int n = atoi(argv[1]);
    int warmup = atoi(argv[2]);
    int64_t warmupNs = (int64_t)atol(argv[3]) * 1000000;
    int iterations = atoi(argv[4]);
    int64_t budget = (int64_t)atol(argv[5]) * 1000000;
    if (iterations < 1) iterations = 1;
    int64_t *samples = malloc(sizeof(int64_t) * (size_t)iterations);

    int checksum = 0;
    int warmed = 0;
    int64_t start = now_ns();
    for (int64_t t = 0; (warmed < warmup || t < warmupNs) && t < budget; t = now_ns() - start) {
        checksum = bench_kernel(n);
        warmed++;
    }
    int taken = 0;
    start = now_ns();
    while (taken < iterations && (taken == 0 || now_ns() - start < budget)) {
        int64_t t0 = now_ns();
        int c = bench_kernel(n);
        samples[taken++] = now_ns() - t0;
        if (warmed > 0 || taken > 1) {
            if (c != checksum) {
                fprintf(stderr, "checksum changed between calls: %d then %d\n", checksum, c);
                return 3;
            }
        }
        checksum = c;
    }
    printf("{\"checksum\":%d,\"warmup\":%d,\"samples_ns\":[", checksum, warmed);
    for (int i = 0; i < taken; i++) {
        printf(i ? ",%lld" : "%lld", (long long)samples[i]);
    }
    printf("]}\n");
    return 0;
}
