// Prints atoi(input) lines "line <i>" (default 1000) to stdout.
#include <stdio.h>
#include "faasm/faasm.h"

int main(void)
{
    int n = faasm_input_int();
    if (n <= 0) {
        n = 1000;
    }
    for (int i = 0; i < n; i++) {
        printf("line %d\n", i);
    }
    char out[32];
    snprintf(out, sizeof(out), "printed %d", n);
    faasm_set_output_str(out);
    fflush(stdout); // returning 0 does not flush stdio with every wasi-libc
    return 0;
}
