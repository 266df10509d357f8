// Reads the shared file faasm://conformance/shared_in.txt and writes what it
// read, followed by " and back", to faasm://conformance/shared_out.txt;
// outputs "read <what it read>" or the first failure.
#include <errno.h>
#include <stdio.h>
#include "faasm/faasm.h"

int main(void)
{
    char contents[128], out[200];
    FILE* in = fopen("faasm://conformance/shared_in.txt", "r");
    if (in == NULL) {
        snprintf(out, sizeof(out), "fopen shared_in.txt failed: errno %d", errno);
        faasm_set_output_str(out);
        return 0;
    }
    contents[fread(contents, 1, sizeof(contents) - 1, in)] = '\0';
    fclose(in);
    FILE* back = fopen("faasm://conformance/shared_out.txt", "w");
    if (back == NULL) {
        snprintf(out, sizeof(out), "fopen shared_out.txt failed: errno %d", errno);
        faasm_set_output_str(out);
        return 0;
    }
    fprintf(back, "%s and back", contents);
    fclose(back);
    snprintf(out, sizeof(out), "read %s", contents);
    faasm_set_output_str(out);
    return 0;
}
