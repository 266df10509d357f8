// Input "" or "list": outputs the whole environment, entries sorted, one per
// line. Input "setenv": sets FOO=bar and outputs getenv of FOO and of
// PYTHONHASHSEED ("FOO=bar PYTHONHASHSEED=0").
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "faasm/faasm.h"

extern char** environ;

static int cmp(const void* a, const void* b)
{
    return strcmp(*(char* const*)a, *(char* const*)b);
}

int main(void)
{
    char* mode = faasm_read_input_alloc(NULL);
    if (strcmp(mode, "setenv") == 0) {
        setenv("FOO", "bar", 1);
        const char* foo = getenv("FOO");
        const char* seed = getenv("PYTHONHASHSEED");
        char out[256];
        snprintf(out, sizeof(out), "FOO=%s PYTHONHASHSEED=%s", foo ? foo : "(null)",
                 seed ? seed : "(null)");
        faasm_set_output_str(out);
        return 0;
    }

    int count = 0;
    while (environ && environ[count]) {
        count++;
    }
    char** sorted = malloc(sizeof(char*) * (count + 1));
    size_t total = 1;
    for (int i = 0; i < count; i++) {
        sorted[i] = environ[i];
        total += strlen(environ[i]) + 1;
    }
    qsort(sorted, count, sizeof(char*), cmp);
    char* out = malloc(total);
    out[0] = '\0';
    for (int i = 0; i < count; i++) {
        if (i > 0) {
            strcat(out, "\n");
        }
        strcat(out, sorted[i]);
    }
    faasm_set_output_str(out);
    return 0;
}
