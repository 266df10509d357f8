// Lock exclusion between a parent and the child it chains, on one host.
// The parent takes the write lock on "excl" and chains a child that takes
// the read lock. The child cannot get it before the parent unlocks, so its
// mark in the log "excl_log" always follows the parent's: "order=PC".
//
// Nothing here races on a correct host: the parent's "P" is appended
// while it holds the write lock, and the child appends "C" only once it
// holds the read lock. The parent's wait before appending (a fixed number
// of state reads, each a point where a host may run the child, then a
// 1.5 s sleep) only gives a host whose locks do nothing the chance to show
// "CP", time enough for the child to start even on a loaded machine; it
// never changes what a correct host outputs, and every message's
// __faasm_* calls are the same on every run (the sleep is WASI's). The
// parent then takes the write lock once more, which a child that never
// released its read lock would keep it from.
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "faasm/faasm.h"

static int child(void)
{
    __faasm_lock_state_read("excl");
    __faasm_append_state("excl_log", (const unsigned char*)"C", 1);
    __faasm_unlock_state_read("excl");
    return 0;
}

int main(void)
{
    char input[16] = {0};
    __faasm_read_input((unsigned char*)input, sizeof(input) - 1);
    if (strcmp(input, "child") == 0) {
        return child();
    }
    __faasm_write_state("excl", (const unsigned char*)"x", 1);
    __faasm_write_state("excl_tick", (const unsigned char*)"t", 1);
    __faasm_lock_state_write("excl");
    unsigned id = faasm_chain_name_str("state_lock_exclusion", "child");

    char tick;
    for (int i = 0; i < 20; i++) {
        __faasm_read_state("excl_tick", (unsigned char*)&tick, 1);
    }
    usleep(1500000);
    __faasm_append_state("excl_log", (const unsigned char*)"P", 1);
    __faasm_unlock_state_write("excl");

    int rv = __faasm_await_call(id);
    __faasm_lock_state_write("excl");
    __faasm_unlock_state_write("excl");

    char order[3] = {0};
    __faasm_read_appended_state("excl_log", (unsigned char*)order, 2, 2);
    char out[64];
    snprintf(out, sizeof(out), "order=%s child=%d", order, rv);
    faasm_set_output_str(out);
    return 0;
}
