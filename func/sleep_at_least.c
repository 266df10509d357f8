// Sleeps with sleep(1) and usleep(50000) and checks on the monotonic clock
// that each returned no earlier than asked: "sleep ok usleep ok" (how much
// longer they took is not part of the output). Elapsed times are taken modulo
// 2^32 ns: WAMR's clock_time_get writes only the low half of the time
// (faasm:src/wamr/timing.cpp:12-60), which still measures up to 4.29 s.
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include "faasm/faasm.h"

static long long nowNs(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(void)
{
    char out[128];
    long long start = nowNs();
    unsigned left = sleep(1);
    unsigned slept = (unsigned)(nowNs() - start);
    start = nowNs();
    int usleepResult = usleep(50000);
    unsigned uslept = (unsigned)(nowNs() - start);
    snprintf(out, sizeof(out), "sleep %s usleep %s",
             left == 0 && slept >= 1000000000u ? "ok" : "early",
             usleepResult == 0 && uslept >= 50000000u ? "ok" : "early");
    faasm_set_output_str(out);
    return 0;
}
