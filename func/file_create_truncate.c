// Writes "hello world" to a file, then opens it again with fopen(..., "w")
// (O_CREAT|O_TRUNC) and writes "bye", and outputs what the file then holds.
// Faasm lets O_CREAT win over O_TRUNC, so the old tail stays: "byelo world".
#include <errno.h>
#include <stdio.h>
#include "faasm/faasm.h"

static int put(const char* path, const char* text)
{
    FILE* f = fopen(path, "w");
    if (f == NULL) {
        return errno;
    }
    fputs(text, f);
    fclose(f);
    return 0;
}

int main(void)
{
    char out[64] = "";
    const char* path = "/truncated.txt";
    int failed = put(path, "hello world");
    if (failed == 0) {
        failed = put(path, "bye");
    }
    FILE* f = failed == 0 ? fopen(path, "r") : NULL;
    if (f == NULL) {
        snprintf(out, sizeof(out), "failed: errno %d", failed != 0 ? failed : errno);
    } else {
        out[fread(out, 1, sizeof(out) - 1, f)] = '\0';
        fclose(f);
        remove(path);
    }
    faasm_set_output_str(out);
    return 0;
}
