// Asks the host for a backtrace (WAVM prints it to the worker's own log,
// nothing reaches the guest), then carries on: the call must not fail the
// message, as Faasm's "Test backtrace" requires of demo/backtrace.
#include "faasm/faasm.h"

int main(void)
{
    __faasm_backtrace(0);
    faasm_set_output_str("after backtrace");
    return 0;
}
