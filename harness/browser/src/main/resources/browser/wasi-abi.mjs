// WASI preview 1's numbers that the browser's WASI modules share: errno values and rights.

export const SUCCESS = 0;
export const EBADF = 8;
export const EEXIST = 20;
export const EINVAL = 28;
export const EISDIR = 31;
export const ENOENT = 44;
export const ENOSPC = 51;
export const ENOTDIR = 54;
export const ENOTEMPTY = 55;
export const ENOTSUP = 58;
export const EPERM = 63;
export const ESPIPE = 70;

export const RIGHT_FD_READ = 2n;
export const RIGHT_FD_WRITE = 64n;
