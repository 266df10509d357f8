// Reads random bytes (getentropy -> WASI random_get) into two 64-byte
// buffers and outputs "ok" if they differ from each other and are not all
// one value; otherwise a description of the problem.
#include <string.h>
#include <unistd.h>
#include "faasm/faasm.h"

static int all_same(const unsigned char* b, int n)
{
    for (int i = 1; i < n; i++) {
        if (b[i] != b[0]) {
            return 0;
        }
    }
    return 1;
}

int main(void)
{
    unsigned char a[64], b[64];
    memset(a, 0, sizeof(a));
    memset(b, 0, sizeof(b));
    if (getentropy(a, sizeof(a)) != 0 || getentropy(b, sizeof(b)) != 0) {
        faasm_set_output_str("getentropy failed");
        return 0;
    }
    if (all_same(a, sizeof(a)) || all_same(b, sizeof(b))) {
        faasm_set_output_str("random buffer has all bytes equal");
        return 0;
    }
    if (memcmp(a, b, sizeof(a)) == 0) {
        faasm_set_output_str("two random buffers are identical");
        return 0;
    }
    faasm_set_output_str("ok");
    return 0;
}
