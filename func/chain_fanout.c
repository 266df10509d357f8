// Fan-out: chains `worker` by pointer 4 times (inputs "0".."3") before
// awaiting any, then awaits them all. worker(i) outputs "worker <i> sq=<i*i>"
// and returns 0. The parent checks that the ids are non-zero and distinct and
// outputs "ids-ok rvs=0,0,0,0 outs=<out0>;<out1>;<out2>;<out3>".
#include <stdio.h>
#include <stdlib.h>
#include "faasm/faasm.h"

#define N 4

int worker(int i)
{
    char out[64];
    snprintf(out, sizeof(out), "worker %d sq=%d", i, i * i);
    faasm_set_output_str(out);
    return 0;
}

int main(void)
{
    unsigned ids[N];
    char in[8];
    for (int i = 0; i < N; i++) {
        snprintf(in, sizeof(in), "%d", i);
        ids[i] = faasm_chain_ptr_str((int (*)())worker, in);
    }
    int idsOk = 1;
    for (int i = 0; i < N; i++) {
        if (ids[i] == 0) {
            idsOk = 0;
        }
        for (int j = 0; j < i; j++) {
            if (ids[i] == ids[j]) {
                idsOk = 0;
            }
        }
    }
    char out[1024];
    int n = snprintf(out, sizeof(out), "%s rvs=", idsOk ? "ids-ok" : "ids-bad");
    char* outs[N];
    for (int i = 0; i < N; i++) {
        int rv = faasm_await_output_str(ids[i], &outs[i]);
        n += snprintf(out + n, sizeof(out) - n, i ? ",%d" : "%d", rv);
    }
    n += snprintf(out + n, sizeof(out) - n, " outs=");
    for (int i = 0; i < N; i++) {
        n += snprintf(out + n, sizeof(out) - n, i ? ";%s" : "%s", outs[i]);
        free(outs[i]);
    }
    faasm_set_output_str(out);
    return 0;
}
