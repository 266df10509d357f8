// SIMD128 as Faasm's toolchain emits it (every function is built with
// -msimd128 -mrelaxed-simd, cpp:faasmtools/build.py): wasm_simd128.h
// intrinsics over the input bytes, plus a loop clang vectorises itself.
// Outputs "len=<n> sum=<sum of bytes> max=<largest byte>
// dot=<sum of in[i]*in[n-1-i]> rms=<sqrt(mean of squares), 3 decimals>".
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <wasm_simd128.h>
#include "faasm/faasm.h"

// Byte sum and maximum 16 bytes at a time: widening pairwise adds, lane-wise max.
static void sum_and_max(const unsigned char* in, int len, unsigned* sum, unsigned* max)
{
    v128_t acc = wasm_i32x4_splat(0);
    v128_t top = wasm_i8x16_splat(0);
    int i = 0;
    for (; i + 16 <= len; i += 16) {
        v128_t v = wasm_v128_load(in + i);
        acc = wasm_i32x4_add(acc, wasm_u32x4_extadd_pairwise_u16x8(wasm_u16x8_extadd_pairwise_u8x16(v)));
        top = wasm_u8x16_max(top, v);
    }
    unsigned s = wasm_u32x4_extract_lane(acc, 0) + wasm_u32x4_extract_lane(acc, 1)
        + wasm_u32x4_extract_lane(acc, 2) + wasm_u32x4_extract_lane(acc, 3);
    unsigned m = 0;
    for (int lane = 0; lane < 16; lane++) {
        unsigned char b = ((unsigned char*)&top)[lane];
        m = b > m ? b : m;
    }
    for (; i < len; i++) {
        s += in[i];
        m = in[i] > m ? in[i] : m;
    }
    *sum = s;
    *max = m;
}

// Square root of the mean of squares, four float lanes at a time.
static float rms(const unsigned char* in, int len)
{
    v128_t acc = wasm_f32x4_splat(0.0f);
    int i = 0;
    for (; i + 4 <= len; i += 4) {
        v128_t bytes = wasm_v128_load32_zero(in + i);
        v128_t f = wasm_f32x4_convert_u32x4(wasm_u32x4_extend_low_u16x8(wasm_u16x8_extend_low_u8x16(bytes)));
        acc = wasm_f32x4_add(acc, wasm_f32x4_mul(f, f));
    }
    float squares = wasm_f32x4_extract_lane(acc, 0) + wasm_f32x4_extract_lane(acc, 1)
        + wasm_f32x4_extract_lane(acc, 2) + wasm_f32x4_extract_lane(acc, 3);
    for (; i < len; i++) {
        squares += (float)in[i] * (float)in[i];
    }
    return len > 0 ? sqrtf(squares / (float)len) : 0.0f;
}

// Plain C: at -O3 with -msimd128 clang turns this loop into v128 code itself.
static long long dot_reversed(const unsigned char* in, int len)
{
    long long dot = 0;
    for (int i = 0; i < len; i++) {
        dot += (int)in[i] * (int)in[len - 1 - i];
    }
    return dot;
}

int main(void)
{
    int len = 0;
    unsigned char* in = (unsigned char*)faasm_read_input_alloc(&len);
    unsigned sum = 0;
    unsigned max = 0;
    sum_and_max(in, len, &sum, &max);
    char out[128];
    int n = snprintf(out, sizeof out, "len=%d sum=%u max=%u dot=%lld rms=%.3f", len, sum, max,
        dot_reversed(in, len), (double)rms(in, len));
    faasm_set_output(out, n);
    free(in);
    return 0;
}
