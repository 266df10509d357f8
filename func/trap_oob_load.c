// Loads a byte just past the end of linear memory (out-of-bounds trap).
#include <stdint.h>
#include "faasm/faasm.h"

int main(void)
{
    uintptr_t end = (uintptr_t)__builtin_wasm_memory_size(0) * 65536u;
    volatile unsigned char* p = (volatile unsigned char*)(end + 16);
    unsigned char v = *p;
    faasm_set_output_str(v ? "read non-zero" : "read zero");
    return 0;
}
