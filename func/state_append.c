// Appended state on key "app": clear, append "aa" "bb" "cc", read 3 and 2
// entries, clear, append "zz", read 1 entry.
// Outputs "three=aabbcc two=aabb after-clear=zz".
#include <stdio.h>
#include <string.h>
#include "faasm/faasm.h"

int main(void)
{
    char three[7] = {0}, two[5] = {0}, one[3] = {0};
    __faasm_clear_appended_state("app");
    __faasm_append_state("app", (const unsigned char*)"aa", 2);
    __faasm_append_state("app", (const unsigned char*)"bb", 2);
    __faasm_append_state("app", (const unsigned char*)"cc", 2);
    __faasm_read_appended_state("app", (unsigned char*)three, 6, 3);
    __faasm_read_appended_state("app", (unsigned char*)two, 4, 2);
    __faasm_clear_appended_state("app");
    __faasm_append_state("app", (const unsigned char*)"zz", 2);
    __faasm_read_appended_state("app", (unsigned char*)one, 2, 1);
    char out[128];
    snprintf(out, sizeof(out), "three=%s two=%s after-clear=%s", three, two, one);
    faasm_set_output_str(out);
    return 0;
}
