// Writes an output and a stdout line, then returns atoi(input) from main.
// A non-zero value must replace the output with "Call failed (return value=N)".
#include <stdio.h>
#include "faasm/faasm.h"

int main(void)
{
    int code = faasm_input_int();
    printf("returning %d\n", code);
    faasm_set_output_str("ret_code wrote this");
    fflush(stdout); // returning 0 does not flush stdio with every wasi-libc
    return code;
}
