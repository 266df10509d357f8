// Key "gk" is seeded with "gggg". Fills the last 4 KiB of the guest's memory
// with 0x5A, then maps the key with read_state_ptr. Faasm grows memory for
// a mapping (one wasm page for up to 64 KiB of value) and maps it at the old
// top, so guest memory is left as it was. No malloc runs before the call, so
// the old top is the memory's size.
// Outputs "grew=<pages> at-top=<yes|no> intact=<yes|no> mapped=<4 bytes>".
#include <stdio.h>
#include <string.h>
#include "faasm/faasm.h"

#define GUARD 4096

int main(void)
{
    unsigned long pagesBefore = __builtin_wasm_memory_size(0);
    unsigned char* top = (unsigned char*)(pagesBefore * 65536);
    memset(top - GUARD, 0x5A, GUARD);
    unsigned char* p = __faasm_read_state_ptr("gk", 4);
    unsigned long grew = __builtin_wasm_memory_size(0) - pagesBefore;
    int intact = 1;
    for (int i = 1; i <= GUARD; i++) {
        intact &= top[-i] == 0x5A;
    }
    char out[96];
    snprintf(out, sizeof(out), "grew=%lu at-top=%s intact=%s mapped=%.4s", grew, p == top ? "yes" : "no",
             intact ? "yes" : "no", (const char*)p);
    faasm_set_output_str(out);
    return 0;
}
