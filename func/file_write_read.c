// Writes a file, reads it back, renames it, reads it under its new name,
// then removes it: output "ok" or the first step that failed with its errno
// (the function returns 0 either way, so the output shows what went wrong).
// The input names the directory to work in ("/" or "." reach the same root).
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "faasm/faasm.h"

#define CONTENTS "blah blah blah\n"

static char out[256];

static int fail(const char* step, const char* path)
{
    snprintf(out, sizeof(out), "%s %s failed: errno %d", step, path, errno);
    faasm_set_output_str(out);
    return 1;
}

static int check(const char* path)
{
    char buffer[64] = "";
    FILE* f = fopen(path, "r");
    if (f == NULL) {
        return fail("fopen r", path);
    }
    size_t n = fread(buffer, 1, sizeof(buffer) - 1, f);
    fclose(f);
    if (n != strlen(CONTENTS) || strcmp(buffer, CONTENTS) != 0) {
        snprintf(out, sizeof(out), "%s holds %zu bytes: %s", path, n, buffer);
        faasm_set_output_str(out);
        return 1;
    }
    return 0;
}

int main(void)
{
    int len = 0;
    char* dir = faasm_read_input_alloc(&len);
    char a[128], b[128];
    snprintf(a, sizeof(a), "%s/first_file.txt", dir);
    snprintf(b, sizeof(b), "%s/second_file.txt", dir);

    FILE* f = fopen(a, "w");
    if (f == NULL) {
        fail("fopen w", a);
        return 0;
    }
    fputs(CONTENTS, f);
    fclose(f);
    if (check(a) || (rename(a, b) != 0 && fail("rename", a)) || check(b)) {
        return 0;
    }
    if (access(a, F_OK) == 0) {
        snprintf(out, sizeof(out), "%s still exists after rename", a);
        faasm_set_output_str(out);
        return 0;
    }
    if (remove(b) != 0) {
        fail("remove", b);
        return 0;
    }
    if (access(b, F_OK) == 0 || errno != ENOENT) {
        fail("access after remove", b);
        return 0;
    }
    faasm_set_output_str("ok");
    return 0;
}
