// The proof of concept's state round trip. The entry writes "from the browser"
// (16 bytes) to key "shared_example", pushes it, chains its own `server` by
// pointer and awaits it, then pulls the key and reads it. server reads the
// key (pulling the pushed value), writes "from the cluster" and pushes it;
// it outputs "saw <value>, wrote from the cluster". Entry output:
// "server=[<server out>] pulled=<value>".
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "faasm/faasm.h"

#define KEY "shared_example"
#define SIZE 16

int server(void)
{
    char seen[SIZE + 1] = {0};
    __faasm_read_state(KEY, (unsigned char*)seen, SIZE);
    faasm_write_state_str(KEY, "from the cluster");
    __faasm_push_state(KEY);
    char out[64];
    snprintf(out, sizeof(out), "saw %s, wrote from the cluster", seen);
    faasm_set_output_str(out);
    return 0;
}

int main(void)
{
    faasm_write_state_str(KEY, "from the browser");
    __faasm_push_state(KEY);
    unsigned id = faasm_chain_ptr_str(server, "");
    char* serverOut;
    faasm_await_output_str(id, &serverOut);
    __faasm_pull_state(KEY, SIZE);
    char pulled[SIZE + 1] = {0};
    __faasm_read_state(KEY, (unsigned char*)pulled, SIZE);
    char out[160];
    snprintf(out, sizeof(out), "server=[%s] pulled=%s", serverOut, pulled);
    faasm_set_output_str(out);
    free(serverOut);
    return 0;
}
