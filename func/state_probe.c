// The harness's own state probe, run on a cluster as a spec's user to read
// state without GET /s/ (which crashes Faasm's upload server for a key with
// no value). Input: "size" or "value", then one key per line. Output, one
// line per key: its size in decimal (0: no value), then in "value" mode a
// space and the bytes in hex (Faasm's output_data is a protobuf string, so
// the output must be text).
//
// read_state(key, _, 0) is side-effect free: for a key this host does not
// hold it asks the key's main for the size, or answers 0 when there is no
// main, creating and claiming nothing. Reading the bytes creates a local copy
// on this host, so "value" mode is for after a run only; it pulls first, so
// that a stale local copy cannot hide the global value.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "faasm/faasm.h"

static unsigned char* out;
static int outLen;
static int outCap;

static void emit(const void* data, int len)
{
    if (outLen + len > outCap) {
        outCap = 2 * (outLen + len);
        out = realloc(out, (size_t)outCap);
    }
    memcpy(out + outLen, data, (size_t)len);
    outLen += len;
}

static void probe(const char* key, int withValue)
{
    unsigned char none[1];
    int size = __faasm_read_state(key, none, 0);
    char text[16];
    emit(text, snprintf(text, sizeof(text), "%d", size));
    if (withValue && size > 0) {
        unsigned char* value = malloc((size_t)size);
        __faasm_pull_state(key, size);
        __faasm_read_state(key, value, size);
        emit(" ", 1);
        for (int i = 0; i < size; i++) {
            emit(text, snprintf(text, sizeof(text), "%02x", value[i]));
        }
        free(value);
    }
    emit("\n", 1);
}

int main(void)
{
    int len = 0;
    char* input = faasm_read_input_alloc(&len);
    char* line = strtok(input, "\n");
    if (line == NULL || (strcmp(line, "size") != 0 && strcmp(line, "value") != 0)) {
        faasm_set_output_str("state_probe: input must start with a line 'size' or 'value'");
        return 1;
    }
    int withValue = strcmp(line, "value") == 0;
    for (char* key = strtok(NULL, "\n"); key != NULL; key = strtok(NULL, "\n")) {
        probe(key, withValue);
    }
    faasm_set_output(outLen > 0 ? (const char*)out : "", outLen);
    return 0;
}
