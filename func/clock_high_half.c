// Calls WASI's clock_time_get on a result slot whose high 32 bits hold a
// marker, and says whether the call wrote them. Faasm's WAMR stores the 64-bit
// timestamp through an int32_t*, so only the low half is written; WAVM writes
// all 64 bits.
#include <stdint.h>
#include <stdio.h>
#include <wasi/api.h>
#include "faasm/faasm.h"

#define MARKER 0xA5A5A5A5u

int main(void)
{
    uint64_t slot = (uint64_t)MARKER << 32;
    __wasi_errno_t err = __wasi_clock_time_get(__WASI_CLOCKID_REALTIME, 1, &slot);
    char out[64];
    if (err != 0) {
        snprintf(out, sizeof(out), "clock_time_get failed: %u", (unsigned)err);
    } else {
        snprintf(out, sizeof(out), "high half %s", (uint32_t)(slot >> 32) == MARKER ? "kept" : "written");
    }
    faasm_set_output_str(out);
    return 0;
}
