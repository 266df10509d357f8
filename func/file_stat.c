// stat and fstat on a file it writes, stat on a directory and on a missing
// path: "file size=11 reg=1 fsize=11 dir=1 missing=ENOENT".
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "faasm/faasm.h"

int main(void)
{
    char out[256];
    const char* path = "/stat_me.txt";
    FILE* f = fopen(path, "w");
    if (f == NULL) {
        snprintf(out, sizeof(out), "fopen failed: errno %d", errno);
        faasm_set_output_str(out);
        return 0;
    }
    fputs("hello world", f);
    fclose(f);

    struct stat s;
    int statted = stat(path, &s);
    int fd = open(path, O_RDONLY);
    struct stat fs;
    int fstatted = fd < 0 ? -1 : fstat(fd, &fs);
    if (fd >= 0) {
        close(fd);
    }
    struct stat d;
    int dirStatted = stat("/", &d);
    struct stat m;
    errno = 0;
    int missing = stat("/no_such_file.txt", &m);
    int missingErrno = errno;
    remove(path);

    if (statted != 0 || fstatted != 0 || dirStatted != 0) {
        snprintf(out, sizeof(out), "stat=%d fstat=%d dirstat=%d errno %d", statted, fstatted, dirStatted, errno);
        faasm_set_output_str(out);
        return 0;
    }
    snprintf(out, sizeof(out), "file size=%lld reg=%d fsize=%lld dir=%d missing=%s",
             (long long)s.st_size, S_ISREG(s.st_mode) ? 1 : 0, (long long)fs.st_size, S_ISDIR(d.st_mode) ? 1 : 0,
             missing == -1 && missingErrno == ENOENT ? "ENOENT" : "unexpected");
    faasm_set_output_str(out);
    return 0;
}
