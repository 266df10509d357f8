/*
 * Small helpers over the raw host calls in host_interface.h, for the
 * faasm-conformance functions. Everything is static inline.
 */
#ifndef FAASM_CONFORMANCE_FAASM_H
#define FAASM_CONFORMANCE_FAASM_H

#include <stdlib.h>
#include <string.h>

#include "faasm/host_interface.h"

/* Faasm runs the zygote once when it binds the module, after the static
 * constructors, and every message starts from the state it leaves; a non-zero
 * result fails the bind. Define one as FAASM_ZYGOTE() { ...; return 0; }
 * (func/lib/zygote.c is the default). */
#ifdef __cplusplus
extern "C"
#endif
int _faasm_zygote(void);
#define FAASM_ZYGOTE() int _faasm_zygote(void)

/* Total size of the input in bytes. */
static inline int faasm_input_size(void)
{
    unsigned char dummy[1];
    return __faasm_read_input(dummy, 0);
}

/* The whole input in a malloc'd buffer with a NUL appended (not counted in
 * *len). Never returns NULL; empty input gives "". len may be NULL. */
static inline char* faasm_read_input_alloc(int* len)
{
    int size = faasm_input_size();
    char* buf = (char*)malloc((size_t)size + 1);
    int got = size > 0 ? __faasm_read_input((unsigned char*)buf, size) : 0;
    buf[got] = '\0';
    if (len) {
        *len = got;
    }
    return buf;
}

/* Input parsed with atoi (0 when empty). */
static inline int faasm_input_int(void)
{
    char* s = faasm_read_input_alloc(NULL);
    int v = atoi(s);
    free(s);
    return v;
}

static inline void faasm_set_output(const void* data, int len)
{
    __faasm_write_output((const char*)data, len);
}

/* Output a NUL-terminated string (the NUL is not part of the output). */
static inline void faasm_set_output_str(const char* s)
{
    __faasm_write_output(s, (int)strlen(s));
}

static inline unsigned faasm_chain_name_str(const char* name, const char* input)
{
    return __faasm_chain_name(name, (const unsigned char*)input, (int)strlen(input));
}

static inline unsigned faasm_chain_ptr_str(int (*f)(), const char* input)
{
    return __faasm_chain_ptr(f, (const unsigned char*)input, (int)strlen(input));
}

/* Awaits id; returns its returnValue and a malloc'd NUL-terminated copy of
 * its output in *out (caller frees). */
static inline int faasm_await_output_str(unsigned id, char** out)
{
    char* raw = NULL;
    int rawLen = 0;
    int rv = __faasm_await_call_output(id, &raw, &rawLen);
    char* s = (char*)malloc((size_t)rawLen + 1);
    if (rawLen > 0 && raw) {
        memcpy(s, raw, (size_t)rawLen);
    }
    s[rawLen] = '\0';
    free(raw);
    *out = s;
    return rv;
}

static inline void faasm_write_state_str(const char* key, const char* value)
{
    __faasm_write_state(key, (const unsigned char*)value, (int)strlen(value));
}

#endif
