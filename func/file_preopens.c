// Names the preopened directories a function starts with, as WASI describes them:
// "fd 3: / fd 4: . fd 5: errno 8" (fd 5 is not preopened: EBADF).
#include <stdio.h>
#include <string.h>
#include <wasi/api.h>
#include "faasm/faasm.h"

int main(void)
{
    char out[256] = "";
    for (__wasi_fd_t fd = 3; fd <= 5; fd++) {
        char entry[64];
        __wasi_prestat_t prestat;
        __wasi_errno_t err = __wasi_fd_prestat_get(fd, &prestat);
        if (err != 0) {
            snprintf(entry, sizeof(entry), "fd %u: errno %u", (unsigned)fd, (unsigned)err);
        } else {
            char name[32] = "";
            size_t length = prestat.u.dir.pr_name_len;
            if (length >= sizeof(name) || __wasi_fd_prestat_dir_name(fd, (uint8_t*)name, length) != 0) {
                snprintf(entry, sizeof(entry), "fd %u: bad name", (unsigned)fd);
            } else {
                name[length] = '\0';
                snprintf(entry, sizeof(entry), "fd %u: %s", (unsigned)fd, name);
            }
        }
        if (out[0] != '\0') {
            strncat(out, " ", sizeof(out) - strlen(out) - 1);
        }
        strncat(out, entry, sizeof(out) - strlen(out) - 1);
    }
    faasm_set_output_str(out);
    return 0;
}
