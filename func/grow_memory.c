// Grows linear memory 16 MiB at a time without end, touching every new
// page. When memory.grow finally fails (the engine's limit or the declared
// maximum), it stores past the end of memory, so the run must trap either
// in memory.grow (engine limit) or with an out-of-bounds memory access.
#include <stdint.h>
#include "faasm/faasm.h"

int main(void)
{
    for (;;) {
        uintptr_t before = (uintptr_t)__builtin_wasm_memory_size(0) * 65536u;
        if (__builtin_wasm_memory_grow(0, 256) == (uintptr_t)-1) {
            volatile unsigned char* past = (volatile unsigned char*)before;
            *past = 1; // out of bounds: traps
            break;
        }
        for (uintptr_t a = before; a < before + 256u * 65536u; a += 65536u) {
            *(volatile unsigned char*)a = 1;
        }
    }
    faasm_set_output_str("memory never ran out");
    return 0;
}
