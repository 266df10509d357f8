// Key "pp" is seeded with "AAAA" (the upload server is its main), so this
// host holds a separate local copy:
//   read (lazy pull)  -> "AAAA"
//   write "BBBB", pull -> local copy overwritten by the global "AAAA"
//   write "CCCC", push -> global becomes "CCCC"
//   write "DDDD" without push -> global stays "CCCC"; local reads "DDDD"
// Outputs "initial=AAAA local=BBBB afterpull=AAAA final-local=DDDD".
#include <stdio.h>
#include <string.h>
#include "faasm/faasm.h"

static void rd(char* dst)
{
    memset(dst, 0, 5);
    __faasm_read_state("pp", (unsigned char*)dst, 4);
}

int main(void)
{
    char initial[5], local[5], afterPull[5], finalLocal[5];
    rd(initial);
    __faasm_write_state("pp", (const unsigned char*)"BBBB", 4);
    rd(local);
    __faasm_pull_state("pp", 4);
    rd(afterPull);
    __faasm_write_state("pp", (const unsigned char*)"CCCC", 4);
    __faasm_push_state("pp");
    __faasm_write_state("pp", (const unsigned char*)"DDDD", 4);
    rd(finalLocal);
    char out[128];
    snprintf(out, sizeof(out), "initial=%s local=%s afterpull=%s final-local=%s", initial, local,
             afterPull, finalLocal);
    faasm_set_output_str(out);
    return 0;
}
