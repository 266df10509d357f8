// Reads Faasm's test configuration flags: ALWAYS_ON is 1, ALWAYS_OFF and any
// unknown flag are 0 (WAVM only in Faasm). Output "on=1 off=0 unknown=0".
#include <stdio.h>
#include "faasm/faasm.h"

int main(void)
{
    char out[64];
    snprintf(out, sizeof(out), "on=%u off=%u unknown=%u", __faasm_conf_flag("ALWAYS_ON"),
             __faasm_conf_flag("ALWAYS_OFF"), __faasm_conf_flag("NO_SUCH_FLAG"));
    faasm_set_output_str(out);
    return 0;
}
