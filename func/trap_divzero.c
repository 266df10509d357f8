// Integer division by atoi(input) (0 when empty), which traps when it is 0.
#include <stdio.h>
#include "faasm/faasm.h"

int main(void)
{
    volatile int divisor = faasm_input_int();
    volatile int dividend = 100;
    int q = dividend / divisor;
    char out[32];
    snprintf(out, sizeof(out), "100/%d=%d", divisor, q);
    faasm_set_output_str(out);
    return 0;
}
