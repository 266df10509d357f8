// Writes known text to stdout (printf, puts, raw write, a final line with no
// newline, flushed explicitly) and stderr; the output is "done".
#include <stdio.h>
#include <unistd.h>
#include "faasm/faasm.h"

int main(void)
{
    printf("line one\n");
    puts("line two");
    fflush(stdout);
    write(1, "raw write\n", 10);
    fprintf(stderr, "this is stderr\n");
    write(2, "raw stderr\n", 11);
    printf("no newline at end");
    // Flush explicitly: returning 0 from main does not flush stdio with every
    // wasi-libc (this one only flushes in exit()).
    fflush(stdout);
    faasm_set_output_str("done");
    return 0;
}
