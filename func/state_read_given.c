// Reads key "greeting" (seeded by the spec): size query, then the value.
// Outputs "size=<n> value=<v>".
#include <stdio.h>
#include <stdlib.h>
#include "faasm/faasm.h"

int main(void)
{
    unsigned char probe[1];
    int size = __faasm_read_state("greeting", probe, 0);
    unsigned char* buf = calloc(1, (size_t)size + 1);
    int got = size > 0 ? __faasm_read_state("greeting", buf, size) : 0;
    char out[256];
    snprintf(out, sizeof(out), "size=%d value=%.*s", size, got, (char*)buf);
    faasm_set_output_str(out);
    free(buf);
    return 0;
}
