// Imports and calls __faasm_s3_get_num_buckets, which only Faasm's WAMR
// backend implements (and which the reference engine does not), then
// outputs the bucket count.
#include <stdio.h>
#include "faasm/faasm.h"

int main(void)
{
    int n = __faasm_s3_get_num_buckets();
    char out[32];
    snprintf(out, sizeof(out), "buckets=%d", n);
    faasm_set_output_str(out);
    return 0;
}
