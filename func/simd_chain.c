// SIMD across a chained call: splits its input in two, chains its own
// `part_sum` (no parameters) by pointer on each half, awaits both and outputs
// "rv=<rv1>,<rv2> whole=<byte sum of the input>". part_sum outputs
// "sum=<byte sum of its input>". Both sums are v128 code (-msimd128).
#include <stdio.h>
#include <stdlib.h>
#include <wasm_simd128.h>
#include "faasm/faasm.h"

// 16 bytes at a time: two widening pairwise adds into four u32 lanes.
static unsigned byte_sum(const unsigned char* in, int len)
{
    v128_t acc = wasm_i32x4_splat(0);
    int i = 0;
    for (; i + 16 <= len; i += 16) {
        v128_t v = wasm_v128_load(in + i);
        acc = wasm_i32x4_add(acc, wasm_u32x4_extadd_pairwise_u16x8(wasm_u16x8_extadd_pairwise_u8x16(v)));
    }
    unsigned s = wasm_u32x4_extract_lane(acc, 0) + wasm_u32x4_extract_lane(acc, 1)
        + wasm_u32x4_extract_lane(acc, 2) + wasm_u32x4_extract_lane(acc, 3);
    for (; i < len; i++) {
        s += in[i];
    }
    return s;
}

int part_sum(void)
{
    int len = 0;
    unsigned char* in = (unsigned char*)faasm_read_input_alloc(&len);
    char out[32];
    int n = snprintf(out, sizeof out, "sum=%u", byte_sum(in, len));
    faasm_set_output(out, n);
    free(in);
    return 0;
}

int main(void)
{
    int len = 0;
    unsigned char* in = (unsigned char*)faasm_read_input_alloc(&len);
    int half = len / 2;
    unsigned first = __faasm_chain_ptr(part_sum, in, half);
    unsigned second = __faasm_chain_ptr(part_sum, in + half, len - half);
    int rv1 = __faasm_await_call(first);
    int rv2 = __faasm_await_call(second);
    char out[64];
    int n = snprintf(out, sizeof out, "rv=%d,%d whole=%u", rv1, rv2, byte_sum(in, len));
    faasm_set_output(out, n);
    free(in);
    return 0;
}
