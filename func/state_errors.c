// State misuse that Faasm turns into a host error, chosen by the input:
//   "write-zero"       write_state with length 0 on a key never seen
//   "push-unknown"     push_state on a key this host never saw
//   "appended-too-many" appends 1 entry to a fresh key and asks for 2
// If the call returns, outputs "no error".
#include <stdlib.h>
#include <string.h>
#include "faasm/faasm.h"

int main(void)
{
    char* mode = faasm_read_input_alloc(NULL);
    unsigned char buf[16];
    if (strcmp(mode, "write-zero") == 0) {
        __faasm_write_state("err_never_seen_w", (const unsigned char*)"", 0);
    } else if (strcmp(mode, "push-unknown") == 0) {
        __faasm_push_state("err_never_seen_p");
    } else if (strcmp(mode, "appended-too-many") == 0) {
        __faasm_append_state("err_app", (const unsigned char*)"q", 1);
        __faasm_read_appended_state("err_app", buf, 2, 2);
    } else {
        free(mode);
        return 2;
    }
    faasm_set_output_str("no error");
    free(mode);
    return 0;
}
