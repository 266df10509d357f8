// Partial reads: read_input with a 3-byte length, then with a length larger
// than the input. Outputs "<n1>:<bytes1>|<n2>:<bytes2>|<nul check>" where the
// check says whether the byte after the copied ones was left alone (no NUL
// is ever written by read_input).
#include <stdio.h>
#include <string.h>
#include "faasm/faasm.h"

int main(void)
{
    unsigned char a[8];
    unsigned char b[256];
    memset(a, '#', sizeof(a));
    memset(b, '#', sizeof(b));

    int n1 = __faasm_read_input(a, 3);
    int n2 = __faasm_read_input(b, 200);
    int clean = (n1 >= 0 && n1 < 8 && a[n1] == '#') && (n2 >= 0 && n2 < 256 && b[n2] == '#');

    char out[600];
    snprintf(out, sizeof(out), "%d:%.*s|%d:%.*s|%s", n1, n1 < 8 ? n1 : 0, (char*)a, n2,
             n2 < 256 ? n2 : 0, (char*)b, clean ? "no-nul-written" : "buffer-overwritten");
    faasm_set_output_str(out);
    return 0;
}
