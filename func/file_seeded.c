// Works on the files a spec seeds: reads /data/in.txt through "/" and
// data/in.txt through "." (the same file), reads the shared file
// faasm://shared/greeting.txt, writes /data/out.txt (the input's text and
// the shared file's, joined by "+") and removes /data/old.txt.
// Output: "same=1 out=<what it wrote>" or the first failure.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "faasm/faasm.h"

static char out[512];

static int readAll(const char* path, char* buffer, size_t size)
{
    FILE* f = fopen(path, "r");
    if (f == NULL) {
        snprintf(out, sizeof(out), "fopen %s failed: errno %d", path, errno);
        faasm_set_output_str(out);
        return -1;
    }
    size_t n = fread(buffer, 1, size - 1, f);
    buffer[n] = '\0';
    fclose(f);
    return (int)n;
}

int main(void)
{
    char viaRoot[128], viaDot[128], shared[128], written[300];
    // fd 4 is the "." preopen: open relative to it, as a path under "." resolves
    int dotFd = openat(4, "data/in.txt", O_RDONLY);
    if (readAll("/data/in.txt", viaRoot, sizeof(viaRoot)) < 0 || readAll("faasm://shared/greeting.txt", shared, sizeof(shared)) < 0) {
        return 0;
    }
    if (dotFd < 0) {
        snprintf(out, sizeof(out), "openat(4, data/in.txt) failed: errno %d", errno);
        faasm_set_output_str(out);
        return 0;
    }
    ssize_t n = read(dotFd, viaDot, sizeof(viaDot) - 1);
    close(dotFd);
    viaDot[n < 0 ? 0 : n] = '\0';

    snprintf(written, sizeof(written), "%s+%s", viaRoot, shared);
    FILE* f = fopen("/data/out.txt", "w");
    if (f == NULL) {
        snprintf(out, sizeof(out), "fopen /data/out.txt failed: errno %d", errno);
        faasm_set_output_str(out);
        return 0;
    }
    fputs(written, f);
    fclose(f);
    if (unlink("/data/old.txt") != 0) {
        snprintf(out, sizeof(out), "unlink /data/old.txt failed: errno %d", errno);
        faasm_set_output_str(out);
        return 0;
    }
    snprintf(out, sizeof(out), "same=%d out=%s", strcmp(viaRoot, viaDot) == 0, written);
    faasm_set_output_str(out);
    return 0;
}
