// Outputs "argc=N" followed by each argv entry in brackets, e.g.
// "argc=3 [function.wasm][a][b]" (empty arguments show as "[]").
#include <stdio.h>
#include <string.h>
#include "faasm/faasm.h"

int main(int argc, char** argv)
{
    char out[4096];
    int n = snprintf(out, sizeof(out), "argc=%d ", argc);
    for (int i = 0; i < argc && n < (int)sizeof(out); i++) {
        n += snprintf(out + n, sizeof(out) - n, "[%s]", argv[i]);
    }
    faasm_set_output_str(out);
    return 0;
}
