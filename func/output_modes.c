// Output behaviours, chosen by the input:
//   "last-write"  writes "first", then "second"      -> output "second"
//   "exact-len"   writes 3 bytes of "abcdef"          -> output "abc"
//   "none"        never calls write_output            -> output ""
//   "empty"       writes "something" then 0 bytes     -> output ""
#include <string.h>
#include <stdlib.h>
#include "faasm/faasm.h"

int main(void)
{
    char* mode = faasm_read_input_alloc(NULL);
    int rc = 0;
    if (strcmp(mode, "last-write") == 0) {
        faasm_set_output_str("first");
        faasm_set_output_str("second");
    } else if (strcmp(mode, "exact-len") == 0) {
        __faasm_write_output("abcdef", 3);
    } else if (strcmp(mode, "none") == 0) {
        // nothing
    } else if (strcmp(mode, "empty") == 0) {
        faasm_set_output_str("something");
        __faasm_write_output("", 0);
    } else {
        rc = 2;
    }
    free(mode);
    return rc;
}
