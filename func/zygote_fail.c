// Its zygote returns 3, so Faasm refuses to bind the module and main never
// runs; were it to run, it would output "main ran".
#include "faasm/faasm.h"

FAASM_ZYGOTE()
{
    return 3;
}

int main(void)
{
    faasm_set_output_str("main ran");
    return 0;
}
