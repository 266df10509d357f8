// Two logical hosts (entry on host 0, chained calls on host 1).
// Parent (input ""):
//   clears appended "mh_app"; writes "AAAA" to "mh" (host 0 becomes main);
//   chains itself by name with "c1", awaits; reads "mh" (still "AAAA":
//   c1 did not push); chains "c2", awaits; reads "mh" ("CCCC", pushed by
//   c2); reads 1 appended entry of "mh_app" (appended by c2 on host 1).
//   Output: "c1=[<c1 out>] mid=AAAA c2=[<c2 out>] end=CCCC appended=h1"
// c1 (host 1): read "mh" (pulls "AAAA"), writes "BBBB" locally, no push.
//   Output: "c1 read AAAA"
// c2 (host 1 again): reads "mh" from its local tier ("BBBB", kept from c1),
//   pulls ("AAAA"), writes "CCCC" and pushes; appends "h1" to "mh_app".
//   Output: "c2 local BBBB pulled AAAA"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "faasm/faasm.h"

static void rd(char* dst)
{
    memset(dst, 0, 5);
    __faasm_read_state("mh", (unsigned char*)dst, 4);
}

int main(void)
{
    char* mode = faasm_read_input_alloc(NULL);
    char a[5], b[5];
    char out[512];
    if (strcmp(mode, "c1") == 0) {
        rd(a);
        __faasm_write_state("mh", (const unsigned char*)"BBBB", 4);
        snprintf(out, sizeof(out), "c1 read %s", a);
        faasm_set_output_str(out);
    } else if (strcmp(mode, "c2") == 0) {
        rd(a);
        __faasm_pull_state("mh", 4);
        rd(b);
        __faasm_write_state("mh", (const unsigned char*)"CCCC", 4);
        __faasm_push_state("mh");
        __faasm_append_state("mh_app", (const unsigned char*)"h1", 2);
        snprintf(out, sizeof(out), "c2 local %s pulled %s", a, b);
        faasm_set_output_str(out);
    } else {
        char *o1, *o2;
        char appended[3] = {0};
        __faasm_clear_appended_state("mh_app");
        __faasm_write_state("mh", (const unsigned char*)"AAAA", 4);
        faasm_await_output_str(faasm_chain_name_str("state_hosts", "c1"), &o1);
        rd(a);
        faasm_await_output_str(faasm_chain_name_str("state_hosts", "c2"), &o2);
        rd(b);
        __faasm_read_appended_state("mh_app", (unsigned char*)appended, 2, 1);
        snprintf(out, sizeof(out), "c1=[%s] mid=%s c2=[%s] end=%s appended=%s", o1, a, o2, b,
                 appended);
        faasm_set_output_str(out);
        free(o1);
        free(o2);
    }
    free(mode);
    return 0;
}
