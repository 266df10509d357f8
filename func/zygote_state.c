// Records each step that ran in this instance, in order: a C constructor,
// the zygote, then main (or `child`). Input "": outputs the steps, e.g.
// "constructor,zygote,main". Input "ptr": chains `child` by pointer (which
// outputs its own steps: no _start and no main run before it), awaits it and
// outputs "main: <steps>; child rv=<rv>".
#include <stdio.h>
#include <string.h>
#include "faasm/faasm.h"

static char steps[128];

static void step(const char* name)
{
    if (steps[0] != '\0') {
        strcat(steps, ",");
    }
    strcat(steps, name);
}

__attribute__((constructor)) static void constructor(void)
{
    step("constructor");
}

FAASM_ZYGOTE()
{
    step("zygote");
    return 0;
}

int child(void)
{
    step("child");
    faasm_set_output_str(steps);
    return 0;
}

int main(void)
{
    char* mode = faasm_read_input_alloc(NULL);
    step("main");
    if (strcmp(mode, "ptr") != 0) {
        faasm_set_output_str(steps);
        return 0;
    }
    int rv = __faasm_await_call(__faasm_chain_ptr(child, (const unsigned char*)"", 0));
    char out[192];
    snprintf(out, sizeof(out), "main: %s; child rv=%d", steps, rv);
    faasm_set_output_str(out);
    return 0;
}
