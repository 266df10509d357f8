// Never finishes: spins forever (for timeout tests).
#include "faasm/faasm.h"

int main(void)
{
    volatile unsigned long counter = 0;
    for (;;) {
        counter++;
    }
    return 0;
}
