// write_state copies the guest's bytes into the host's value: writing over
// the guest buffer afterwards changes nothing, and the state read back and
// the global value after the run are the bytes written. (The 2020 browser
// proof of concept kept a view of guest memory instead.)
#include <string.h>
#include "faasm/faasm.h"

int main(void)
{
    unsigned char buffer[5] = "AAAA";
    __faasm_write_state("copy_key", buffer, 4);
    memcpy(buffer, "BBBB", 4);

    char read[5] = {0};
    __faasm_read_state("copy_key", (unsigned char*)read, 4);
    faasm_set_output_str(read);
    return 0;
}
