// __faasm_write_state_from_file: with no input, writes "blah blah foo foo" to
// /state_file.txt first (as a function would); with an input, uses the file
// the input names. Puts the file into state key "from_file", checks the
// returned length against the file's, and outputs "len=N".
#include <stdio.h>
#include <string.h>
#include "faasm/faasm.h"

int main(void)
{
    char out[128];
    int inputLength = 0;
    char* input = faasm_read_input_alloc(&inputLength);
    const char* path = inputLength > 0 ? input : "/state_file.txt";
    if (inputLength == 0) {
        FILE* f = fopen(path, "w");
        if (f == NULL) {
            faasm_set_output_str("cannot write /state_file.txt");
            return 0;
        }
        fputs("blah blah foo foo", f);
        fclose(f);
    }
    FILE* f = fopen(path, "r");
    if (f == NULL) {
        faasm_set_output_str("cannot read the file back");
        return 0;
    }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fclose(f);
    unsigned written = __faasm_write_state_from_file("from_file", path);
    snprintf(out, sizeof(out), written == (unsigned)size ? "len=%u" : "len=%u but the file has %ld bytes", written, size);
    faasm_set_output_str(out);
    return 0;
}
