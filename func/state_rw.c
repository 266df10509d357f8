// Basic state on the entry host (which becomes the key's main):
// size of an unknown key, write_state, size query, read_state.
// Outputs "unknown=<n> ret=<n> size=<n> value=<v>". Key "rw_key" ends as
// "hello state" in the global tier.
#include <stdio.h>
#include <string.h>
#include "faasm/faasm.h"

int main(void)
{
    unsigned char buf[64];
    int unknown = __faasm_read_state("rw_never_written", buf, 0);
    faasm_write_state_str("rw_key", "hello state");
    int size = __faasm_read_state("rw_key", buf, 0);
    memset(buf, 0, sizeof(buf));
    int ret = __faasm_read_state("rw_key", buf, 11);
    char out[160];
    snprintf(out, sizeof(out), "unknown=%d ret=%d size=%d value=%.*s", unknown, ret, size,
             ret > 0 && ret < 64 ? ret : 0, (char*)buf);
    faasm_set_output_str(out);
    return 0;
}
