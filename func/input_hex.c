// Outputs "<size>:<lowercase hex of the input>", so binary input (with NULs)
// can be checked through a text output.
#include <stdio.h>
#include <stdlib.h>
#include "faasm/faasm.h"

int main(void)
{
    int len = 0;
    char* in = faasm_read_input_alloc(&len);
    char* out = malloc(16 + 2 * (size_t)len);
    int n = sprintf(out, "%d:", len);
    for (int i = 0; i < len; i++) {
        n += sprintf(out + n, "%02x", (unsigned char)in[i]);
    }
    faasm_set_output(out, n);
    free(in);
    free(out);
    return 0;
}
