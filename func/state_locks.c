// Lock calls on key "lk" (created first with write_state "0000"): read
// lock/unlock, write lock/unlock (nothing written while locked), then
// write "1111" after unlocking. Outputs "locks ok value=1111".
#include <stdio.h>
#include "faasm/faasm.h"

int main(void)
{
    __faasm_write_state("lk", (const unsigned char*)"0000", 4);
    __faasm_lock_state_read("lk");
    __faasm_unlock_state_read("lk");
    __faasm_lock_state_write("lk");
    __faasm_unlock_state_write("lk");
    __faasm_write_state("lk", (const unsigned char*)"1111", 4);
    char v[5] = {0};
    __faasm_read_state("lk", (unsigned char*)v, 4);
    char out[64];
    snprintf(out, sizeof(out), "locks ok value=%s", v);
    faasm_set_output_str(out);
    return 0;
}
