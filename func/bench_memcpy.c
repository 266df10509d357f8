/* Benchmark kernel: n rounds of memcpy/memmove of mixed sizes over a 4 MiB buffer (memory bound). */
#define BENCH_DEFAULT_N 64
#include "bench/bench_main.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define BUF_SIZE (4u << 20)

static uint8_t *buf;

int bench_kernel(int n) {
    if (buf == NULL) {
        buf = malloc(BUF_SIZE);
    }
    /* Reset every call so each call does identical work with identical results. */
    for (uint32_t i = 0; i < BUF_SIZE; i++) {
        buf[i] = (uint8_t)(i * 2654435761u >> 24);
    }
    uint32_t x = 0x9e3779b9u;
    uint32_t sum = 0;
    for (int round = 0; round < n; round++) {
        /* One big block copy (half the buffer) ... */
        memcpy(buf + (BUF_SIZE / 2) * (round & 1), buf + (BUF_SIZE / 2) * (~round & 1), BUF_SIZE / 2);
        /* ... then many small/medium overlapping moves at pseudo-random offsets. */
        for (int k = 0; k < 256; k++) {
            x ^= x << 13; x ^= x >> 17; x ^= x << 5;
            uint32_t len = 1u + (x & 4095u);
            uint32_t src = (x >> 12) % (BUF_SIZE - len);
            uint32_t dst = (src + 1u + (x & 255u)) % (BUF_SIZE - len);
            memmove(buf + dst, buf + src, len);
            sum = sum * 31u + buf[dst + (len >> 1)];
        }
    }
    for (uint32_t i = 0; i < BUF_SIZE; i += 4093) {
        sum = sum * 31u + buf[i];
    }
    return (int)sum;
}
