// Outputs "size=N" where N is read_input(buf, 0), the total input size.
// Also checks that a zero-length query leaves the buffer untouched.
#include <stdio.h>
#include <string.h>
#include "faasm/faasm.h"

int main(void)
{
    unsigned char buf[4] = {'#', '#', '#', '#'};
    int size = __faasm_read_input(buf, 0);
    int untouched = memcmp(buf, "####", 4) == 0;
    char out[64];
    snprintf(out, sizeof(out), "size=%d%s", size, untouched ? "" : " (buffer modified!)");
    faasm_set_output_str(out);
    return 0;
}
