/* Benchmark kernel: naive recursive Fibonacci (call-heavy, no memory traffic). */
#define BENCH_DEFAULT_N 30
#include "bench/bench_main.h"

/* noinline keeps the recursion a real call chain on every engine. */
__attribute__((noinline)) static int fib(int n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

int bench_kernel(int n) {
    return fib(n);
}
