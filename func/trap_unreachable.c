// Prints a line, then executes the wasm `unreachable` instruction.
#include <stdio.h>
#include "faasm/faasm.h"

int main(void)
{
    faasm_set_output_str("before trap");
    printf("about to trap\n");
    fflush(stdout);
    __builtin_trap();
    return 0;
}
