// Writes an output and a stdout line, then calls exit(atoi(input)); the code
// after exit() would return 99 and must never run.
#include <stdio.h>
#include <stdlib.h>
#include "faasm/faasm.h"

int main(void)
{
    int code = faasm_input_int();
    printf("before exit\n");
    faasm_set_output_str("exit_code wrote this");
    exit(code);
    faasm_set_output_str("after exit (must not happen)");
    return 99;
}
