// Lock calls on key "lk" (created first with write_state "0000"). Input:
//   "" (default)         read lock/unlock, write lock/unlock (nothing written
//                        while locked), then write "1111" after unlocking.
//                        Outputs "locks ok value=1111".
//   "write-under-write"  write_state while holding the write lock: faabric's
//                        set() takes the same mutex, which refuses its holder
//                        (EDEADLK): the message fails.
#include <stdio.h>
#include <string.h>
#include "faasm/faasm.h"

int main(void)
{
    char* mode = faasm_read_input_alloc(NULL);
    __faasm_write_state("lk", (const unsigned char*)"0000", 4);
    if (strcmp(mode, "write-under-write") == 0) {
        __faasm_lock_state_write("lk");
        __faasm_write_state("lk", (const unsigned char*)"1111", 4);
        __faasm_unlock_state_write("lk");
    } else {
        __faasm_lock_state_read("lk");
        __faasm_unlock_state_read("lk");
        __faasm_lock_state_write("lk");
        __faasm_unlock_state_write("lk");
        __faasm_write_state("lk", (const unsigned char*)"1111", 4);
    }
    char v[5] = {0};
    __faasm_read_state("lk", (unsigned char*)v, 4);
    char out[64];
    snprintf(out, sizeof(out), "locks ok value=%s", v);
    faasm_set_output_str(out);
    free(mode);
    return 0;
}
