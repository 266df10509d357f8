// A C++ static constructor builds a global string and counts its runs; main
// outputs "<text> (constructed <n>x)". Faasm runs __wasm_call_ctors once when
// it binds the module and _start does not run it again, so n is 1.
#include <string>
#include "faasm/faasm.h"

namespace {
int constructions = 0;

struct Greeting {
    std::string text;
    Greeting() : text("hello from a static constructor") { constructions++; }
};

Greeting greeting;
}

int main()
{
    std::string out = greeting.text + " (constructed " + std::to_string(constructions) + "x)";
    faasm_set_output_str(out.c_str());
    return 0;
}
