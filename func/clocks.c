// Checks clock properties and outputs "ok" or the first failure:
// realtime is after 2020-01-01 and agrees with time(); monotonic never goes
// backwards over many reads, advances over a busy loop, and runs at
// realtime's rate (both in nanoseconds).
#include <stdio.h>
#include <time.h>
#include "faasm/faasm.h"

static long long ns(struct timespec t)
{
    return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(void)
{
    char out[256];
    struct timespec rt, m0, m1;
    if (clock_gettime(CLOCK_REALTIME, &rt) != 0) {
        faasm_set_output_str("realtime clock failed");
        return 0;
    }
    if (rt.tv_sec < 1577836800) { // 2020-01-01T00:00:00Z
        snprintf(out, sizeof(out), "realtime too early: %lld", (long long)rt.tv_sec);
        faasm_set_output_str(out);
        return 0;
    }
    time_t t = time(NULL);
    if (t < rt.tv_sec || t > rt.tv_sec + 60) {
        faasm_set_output_str("time() disagrees with CLOCK_REALTIME");
        return 0;
    }
    if (clock_gettime(CLOCK_MONOTONIC, &m0) != 0) {
        faasm_set_output_str("monotonic clock failed");
        return 0;
    }
    long long prev = ns(m0);
    for (int i = 0; i < 10000; i++) {
        clock_gettime(CLOCK_MONOTONIC, &m1);
        long long now = ns(m1);
        if (now < prev) {
            snprintf(out, sizeof(out), "monotonic went backwards at read %d", i);
            faasm_set_output_str(out);
            return 0;
        }
        prev = now;
    }
    volatile unsigned long sink = 0;
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (int round = 0; round < 100; round++) {
        for (unsigned long i = 0; i < 1000000; i++) {
            sink += i;
        }
        clock_gettime(CLOCK_MONOTONIC, &b);
        if (ns(b) > ns(a)) {
            break;
        }
    }
    if (ns(b) <= ns(a)) {
        faasm_set_output_str("monotonic clock did not advance");
        return 0;
    }
    // Both clocks measure one stretch of wall time: until realtime has moved
    // 20 ms, or monotonic 1 s (so a clock off by 1000 ends the loop at once).
    // Load slows the loop, never one clock against the other; a factor of 10
    // either way is the bound, far from a unit error's 1000.
    struct timespec r0, r1;
    clock_gettime(CLOCK_REALTIME, &r0);
    clock_gettime(CLOCK_MONOTONIC, &a);
    do {
        clock_gettime(CLOCK_REALTIME, &r1);
        clock_gettime(CLOCK_MONOTONIC, &b);
    } while (ns(r1) - ns(r0) < 20000000LL && ns(b) - ns(a) < 1000000000LL);
    long long real = ns(r1) - ns(r0), mono = ns(b) - ns(a);
    if (mono * 10 < real || mono > real * 10) {
        snprintf(out, sizeof(out), "monotonic ran %lld ns while realtime ran %lld ns", mono, real);
        faasm_set_output_str(out);
        return 0;
    }
    faasm_set_output_str("ok");
    return 0;
}
