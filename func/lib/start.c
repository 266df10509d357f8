/*
 * The entry point of every function, in place of wasi-libc's crt1.
 *
 * Faasm's wasi-libc fork has _start skip the constructors because the host
 * runs __wasm_call_ctors (and then _faasm_zygote) once when it binds the
 * module. Debian's crt1-command.o leaves the constructors to lld, which wraps
 * exports with them only while __wasm_call_ctors is not exported; build.sh
 * exports it, as Faasm does, so this _start must not call it either.
 *
 * exit() runs atexit handlers and flushes stdio, then calls
 * __wasi_proc_exit with main's result.
 */
#include <stdlib.h>

/* main, whichever way it is declared (wasi-libc resolves the argc/argv form). */
int __main_void(void);

__attribute__((export_name("_start"))) void _start(void)
{
    exit(__main_void());
}
