// Changes two bytes of a 4-byte value given in state, flags just that chunk
// dirty and pushes it with push_state_partial; the global value then holds the
// change. Output is the local value after the push.
#include "faasm/faasm.h"

int main(void)
{
    const char* key = "partial_key";
    __faasm_write_state_offset(key, 4, 1, (const unsigned char*)"XY", 2);
    __faasm_flag_state_offset_dirty(key, 4, 1, 2);
    __faasm_push_state_partial(key);

    unsigned char value[5] = {0};
    __faasm_read_state(key, value, 4);
    faasm_set_output_str((const char*)value);
    return 0;
}
