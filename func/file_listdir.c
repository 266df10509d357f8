// Makes a directory with three files and a subdirectory, lists it (without
// "." and ".."), sorted, then removes it all: "a.txt,b.txt,c.txt,sub" and
// " removed" once everything is gone.
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "faasm/faasm.h"

#define DIR_PATH "/listed"
#define MAX_NAMES 16

static char out[512];

// Says which step failed; main still returns 0, so the output shows it.
static int fail(const char* step)
{
    snprintf(out, sizeof(out), "%s failed: errno %d", step, errno);
    faasm_set_output_str(out);
    return 0;
}

static int byName(const void* a, const void* b)
{
    return strcmp(*(const char* const*)a, *(const char* const*)b);
}

int main(void)
{
    const char* files[] = {DIR_PATH "/b.txt", DIR_PATH "/c.txt", DIR_PATH "/a.txt"};
    if (mkdir(DIR_PATH, 0755) != 0 || mkdir(DIR_PATH "/sub", 0755) != 0) {
        return fail("mkdir");
    }
    for (int i = 0; i < 3; i++) {
        FILE* f = fopen(files[i], "w");
        if (f == NULL) {
            return fail("fopen");
        }
        fputs("x", f);
        fclose(f);
    }

    DIR* dir = opendir(DIR_PATH);
    if (dir == NULL) {
        return fail("opendir");
    }
    char* names[MAX_NAMES];
    int count = 0;
    struct dirent* entry;
    while ((entry = readdir(dir)) != NULL && count < MAX_NAMES) {
        if (strcmp(entry->d_name, ".") != 0 && strcmp(entry->d_name, "..") != 0) {
            names[count++] = strdup(entry->d_name);
        }
    }
    closedir(dir);
    qsort(names, count, sizeof(char*), byName);
    for (int i = 0; i < count; i++) {
        if (i > 0) {
            strncat(out, ",", sizeof(out) - strlen(out) - 1);
        }
        strncat(out, names[i], sizeof(out) - strlen(out) - 1);
    }

    for (int i = 0; i < 3; i++) {
        if (unlink(files[i]) != 0) {
            return fail("unlink");
        }
    }
    if (rmdir(DIR_PATH "/sub") != 0 || rmdir(DIR_PATH) != 0) {
        return fail("rmdir");
    }
    struct stat s;
    strncat(out, stat(DIR_PATH, &s) != 0 && errno == ENOENT ? " removed" : " still there", sizeof(out) - strlen(out) - 1);
    faasm_set_output_str(out);
    return 0;
}
