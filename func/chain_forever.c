// A self-chaining bomb: every call chains `width` copies of itself (width is
// the input as an int, 1 when empty) and returns 0 without awaiting them, so
// nothing in it ever stops the chain; only a host's limits end it.
#include "faasm/faasm.h"

#define MAX_WIDTH 8

int main(void)
{
    int width = faasm_input_int();
    if (width < 1 || width > MAX_WIDTH) {
        width = 1;
    }
    char input[2] = {(char)('0' + width), 0};
    for (int i = 0; i < width; i++) {
        faasm_chain_name_str("chain_forever", input);
    }
    return 0;
}
