import { Node } from './sandbox-fs.mjs';
import {
  EBADF, EEXIST, EINVAL, EISDIR, ENOENT, ENOSPC, ENOTDIR, ENOTEMPTY, ENOTSUP, RIGHT_FD_WRITE, SUCCESS,
} from './wasi-abi.mjs';

// The WASI preview 1 file calls over one message's SandboxFs, with Faasm's two preopens, fd 3 "/" and
// fd 4 "." (faasm:src/storage/FileSystem.cpp:25-26), both on the sandbox's root. Results and errno
// values follow the jvm backend's WASI (Chicory's WasiPreview1 over Jimfs), so the columns agree.

const FILETYPE_DIRECTORY = 3;
const FILETYPE_REGULAR_FILE = 4;
const OFLAG_CREAT = 1;
const OFLAG_DIRECTORY = 2;
const OFLAG_EXCL = 4;
const OFLAG_TRUNC = 8;
const FDFLAG_APPEND = 1;
const ALL_RIGHTS = (1n << 29n) - 1n;
const WHENCE_SET = 0;
const WHENCE_CUR = 1;
const WHENCE_END = 2;
const PREOPENS = ['/', '.'];
const DIRENT_HEADER = 24;

const I32 = 'i32';
const I64 = 'i64';
/** The types of the file calls in WASI preview 1: [params, results]. */
export const FILE_SIGNATURES = {
  fd_filestat_get: [[I32, I32], [I32]],
  fd_fdstat_set_flags: [[I32, I32], [I32]],
  fd_readdir: [[I32, I32, I32, I64, I32], [I32]],
  fd_tell: [[I32, I32], [I32]],
  path_create_directory: [[I32, I32, I32], [I32]],
  path_filestat_get: [[I32, I32, I32, I32, I32], [I32]],
  path_open: [[I32, I32, I32, I32, I32, I64, I64, I32, I32], [I32]],
  path_remove_directory: [[I32, I32, I32], [I32]],
  path_rename: [[I32, I32, I32, I32, I32, I32], [I32]],
  path_unlink_file: [[I32, I32, I32], [I32]],
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The open files and directories (fd 3 and up) of one message. */
export class FileCalls {
  constructor(fs) {
    this.fs = fs;
    this.fds = new Map(PREOPENS.map((name, i) => [3 + i, { node: fs.root, preopen: new TextEncoder().encode(name) }]));
  }

  has(fd) {
    return this.fds.has(fd);
  }

  // ---- descriptors the process calls share with stdio (wasi.mjs hands fd 3 and up here)

  close(fd) {
    return this.fds.delete(fd) ? SUCCESS : EBADF;
  }

  read(memory, fd, iovs, count, readPtr) {
    const file = this.file(fd);
    if (typeof file === 'number') {
      return file;
    }
    let read = 0;
    for (const { ptr, length } of iovecs(memory, iovs, count)) {
      const chunk = file.node.data.subarray(file.position, file.position + length);
      memory.write(ptr, chunk);
      file.position += chunk.length;
      read += chunk.length;
      if (chunk.length < length) {
        break;
      }
    }
    memory.writeI32(readPtr, read);
    return SUCCESS;
  }

  write(memory, fd, iovs, count, writtenPtr) {
    const file = this.file(fd);
    if (typeof file === 'number') {
      return file;
    }
    let written = 0;
    for (const { ptr, length } of iovecs(memory, iovs, count)) {
      const bytes = memory.read(ptr, length);
      const at = file.append ? file.node.data.length : file.position;
      if (at + bytes.length > file.node.data.length && !this.fs.resize(file.node, at + bytes.length)) {
        return ENOSPC;
      }
      file.node.data.set(bytes, at);
      file.position = at + bytes.length;
      written += bytes.length;
    }
    file.node.mtimeNanos = nowNanos();
    memory.writeI32(writtenPtr, written);
    return SUCCESS;
  }

  seek(memory, fd, offset, whence, resultPtr) {
    const file = this.file(fd);
    if (typeof file === 'number') {
      return file;
    }
    const base = whence === WHENCE_SET ? 0n : whence === WHENCE_CUR ? BigInt(file.position)
      : whence === WHENCE_END ? BigInt(file.node.data.length) : null;
    const position = base === null ? -1n : base + offset;
    if (position < 0n || position > BigInt(Number.MAX_SAFE_INTEGER)) {
      return EINVAL;
    }
    file.position = Number(position);
    writeU64(memory, resultPtr, position);
    return SUCCESS;
  }

  fdstat(memory, fd, statPtr) {
    const open = this.fds.get(fd);
    if (!open) {
      return EBADF;
    }
    memory.check(statPtr, 24, 'fdstat');
    const view = new DataView(memory.memory.buffer);
    const at = statPtr >>> 0;
    view.setUint8(at, open.node.isDir ? FILETYPE_DIRECTORY : FILETYPE_REGULAR_FILE);
    view.setUint16(at + 2, open.append ? FDFLAG_APPEND : 0, true);
    view.setBigUint64(at + 8, open.rights ?? ALL_RIGHTS, true);
    view.setBigUint64(at + 16, ALL_RIGHTS, true);
    return SUCCESS;
  }

  prestat(memory, fd, prestatPtr) {
    const open = this.fds.get(fd);
    if (!open?.preopen) {
      return EBADF;
    }
    memory.check(prestatPtr, 8, 'prestat');
    const view = new DataView(memory.memory.buffer);
    view.setUint32(prestatPtr >>> 0, 0, true);
    view.setUint32((prestatPtr >>> 0) + 4, open.preopen.length, true);
    return SUCCESS;
  }

  prestatDirName(memory, fd, pathPtr, pathLength) {
    const open = this.fds.get(fd);
    if (!open?.preopen) {
      return EBADF;
    }
    memory.write(pathPtr, open.preopen.subarray(0, pathLength >>> 0));
    return SUCCESS;
  }

  // ---- the calls only files have (named as the imports, for wasi.mjs's lookup)

  /** With O_CREAT, no truncation: O_CREAT decides Faasm's open mode (faasm:src/storage/FileDescriptor.cpp:69-87, 399-419). */
  _path_open(memory, dirFd, lookupFlags, pathPtr, pathLength, openFlags, rightsBase, rightsInheriting, fdFlags, fdPtr) {
    const found = this.lookup(memory, dirFd, pathPtr, pathLength);
    if (found.errno !== undefined) {
      return found.errno;
    }
    let { node } = found;
    const writes = (rightsBase & RIGHT_FD_WRITE) !== 0n;
    if (node?.isDir) {
      if (writes) {
        return EISDIR;
      }
      return this.allocate(memory, fdPtr, { node });
    }
    if (found.path.endsWith('/') || (openFlags & OFLAG_DIRECTORY && node)) {
      return ENOTDIR;
    }
    const append = (fdFlags & FDFLAG_APPEND) !== 0;
    if (append && openFlags & OFLAG_TRUNC) {
      return ENOTSUP;
    }
    if (!node) {
      if (!(openFlags & OFLAG_CREAT)) {
        return ENOENT;
      }
      node = new Node(false);
      found.parent.children.set(found.name, node);
    } else if (openFlags & OFLAG_CREAT && openFlags & OFLAG_EXCL) {
      return EEXIST;
    }
    if (openFlags & OFLAG_TRUNC && !(openFlags & OFLAG_CREAT) && writes) {
      this.fs.resize(node, 0);
    }
    return this.allocate(memory, fdPtr, { node, position: 0, append, rights: rightsBase });
  }

  _fd_filestat_get(memory, fd, statPtr) {
    const open = this.fds.get(fd);
    return open ? writeFilestat(memory, statPtr, open.node) : EBADF;
  }

  _path_filestat_get(memory, dirFd, lookupFlags, pathPtr, pathLength, statPtr) {
    const found = this.existing(memory, dirFd, pathPtr, pathLength);
    return typeof found === 'number' ? found : writeFilestat(memory, statPtr, found.node);
  }

  _fd_fdstat_set_flags(memory, fd, flags) {
    const open = this.fds.get(fd);
    if (!open) {
      return EBADF;
    }
    open.append = (flags & FDFLAG_APPEND) !== 0;
    return SUCCESS;
  }

  _fd_tell(memory, fd, resultPtr) {
    const file = this.file(fd);
    if (typeof file === 'number') {
      return file;
    }
    writeU64(memory, resultPtr, BigInt(file.position));
    return SUCCESS;
  }

  /** "." and ".." first, then the entries; each entry's d_next is the cookie of the one after it. */
  _fd_readdir(memory, fd, bufPtr, bufLength, cookie, usedPtr) {
    const open = this.fds.get(fd);
    if (!open) {
      return EBADF;
    }
    if (!open.node.isDir) {
      return ENOTDIR;
    }
    if (cookie < 0n) {
      return EINVAL;
    }
    const entries = [['.', open.node], ['..', open.node], ...open.node.children];
    const length = bufLength >>> 0;
    memory.check(bufPtr, length, 'buffer');
    let used = 0;
    for (let i = Number(cookie); i < entries.length && used < length; i++) {
      const [name, node] = entries[i];
      const bytes = new TextEncoder().encode(name);
      const entry = new Uint8Array(DIRENT_HEADER + bytes.length);
      const view = new DataView(entry.buffer);
      view.setBigUint64(0, BigInt(i + 1), true);
      view.setBigUint64(8, BigInt(node.ino), true);
      view.setUint32(16, bytes.length, true);
      view.setUint8(20, node.isDir ? FILETYPE_DIRECTORY : FILETYPE_REGULAR_FILE);
      entry.set(bytes, DIRENT_HEADER);
      const part = entry.subarray(0, Math.min(entry.length, length - used));
      memory.write((bufPtr >>> 0) + used, part);
      used += part.length;
    }
    memory.writeI32(usedPtr, used);
    return SUCCESS;
  }

  _path_create_directory(memory, dirFd, pathPtr, pathLength) {
    const found = this.lookup(memory, dirFd, pathPtr, pathLength);
    if (found.errno !== undefined) {
      return found.errno;
    }
    if (found.node) {
      return EEXIST;
    }
    found.parent.children.set(found.name, new Node(true));
    return SUCCESS;
  }

  _path_unlink_file(memory, dirFd, pathPtr, pathLength) {
    const found = this.existing(memory, dirFd, pathPtr, pathLength);
    if (typeof found === 'number') {
      return found;
    }
    if (found.node.isDir) {
      return EISDIR;
    }
    found.parent.children.delete(found.name);
    this.fs.release(found.node);
    return SUCCESS;
  }

  _path_remove_directory(memory, dirFd, pathPtr, pathLength) {
    const found = this.existing(memory, dirFd, pathPtr, pathLength);
    if (typeof found === 'number') {
      return found;
    }
    if (!found.node.isDir) {
      return ENOTDIR;
    }
    if (found.node.children.size > 0) {
      return ENOTEMPTY;
    }
    found.parent.children.delete(found.name);
    return SUCCESS;
  }

  _path_rename(memory, oldFd, oldPtr, oldLength, newFd, newPtr, newLength) {
    const from = this.lookup(memory, oldFd, oldPtr, oldLength);
    const to = this.lookup(memory, newFd, newPtr, newLength);
    for (const found of [from, to]) {
      if (found.errno !== undefined) {
        return found.errno;
      }
    }
    if (!from.node) {
      return ENOENT;
    }
    if (to.node) {
      if (to.node.isDir !== from.node.isDir) {
        return to.node.isDir ? EISDIR : ENOTDIR;
      }
      if (to.node.isDir && to.node.children.size > 0) {
        return ENOTEMPTY;
      }
      this.fs.release(to.node);
    }
    from.parent.children.delete(from.name);
    to.parent.children.set(to.name, from.node);
    return SUCCESS;
  }

  // ---- helpers

  /** The open regular file at fd, or an errno. */
  file(fd) {
    const open = this.fds.get(fd);
    if (!open) {
      return EBADF;
    }
    return open.node.isDir ? EISDIR : open;
  }

  /** A path relative to an open directory: {parent, name, node, path} or {errno}. */
  lookup(memory, dirFd, pathPtr, pathLength) {
    const dir = this.fds.get(dirFd);
    if (!dir) {
      return { errno: EBADF };
    }
    if (!dir.node.isDir) {
      return { errno: ENOTDIR };
    }
    let path;
    try {
      path = utf8.decode(memory.read(pathPtr, pathLength, 'path'));
    } catch (e) {
      if (e instanceof TypeError) {
        return { errno: EINVAL };
      }
      throw e;
    }
    return { ...this.fs.resolve(dir.node, path), path };
  }

  /** A path that must exist: what lookup gives, or an errno. */
  existing(memory, dirFd, pathPtr, pathLength) {
    const found = this.lookup(memory, dirFd, pathPtr, pathLength);
    if (found.errno !== undefined) {
      return found.errno;
    }
    return found.node ? found : ENOENT;
  }

  /** The lowest free descriptor, as Chicory allocates them. */
  allocate(memory, fdPtr, open) {
    memory.check(fdPtr, 4, 'fd pointer');
    let fd = 3;
    while (this.fds.has(fd)) {
      fd++;
    }
    this.fds.set(fd, open);
    memory.writeI32(fdPtr, fd);
    return SUCCESS;
  }
}

function iovecs(memory, iovs, count) {
  const list = [];
  for (let i = 0; i < count >>> 0; i++) {
    const entry = (iovs >>> 0) + 8 * i;
    memory.check(entry, 8, 'iovec');
    const view = new DataView(memory.memory.buffer);
    const ptr = view.getUint32(entry, true);
    const length = view.getUint32(entry + 4, true);
    memory.check(ptr, length, 'buffer');
    list.push({ ptr, length });
  }
  return list;
}

function writeFilestat(memory, statPtr, node) {
  memory.check(statPtr, 64, 'filestat');
  const view = new DataView(memory.memory.buffer);
  const at = statPtr >>> 0;
  new Uint8Array(memory.memory.buffer, at, 64).fill(0);
  view.setBigUint64(at + 8, BigInt(node.ino), true);
  view.setUint8(at + 16, node.isDir ? FILETYPE_DIRECTORY : FILETYPE_REGULAR_FILE);
  view.setBigUint64(at + 24, 1n, true);
  view.setBigUint64(at + 32, BigInt(node.isDir ? 0 : node.data.length), true);
  for (const offset of [40, 48, 56]) {
    view.setBigUint64(at + offset, node.mtimeNanos, true);
  }
  return SUCCESS;
}

export function writeU64(memory, ptr, value) {
  memory.check(ptr, 8, 'result pointer');
  new DataView(memory.memory.buffer).setBigUint64(ptr >>> 0, BigInt.asUintN(64, value), true);
}

function nowNanos() {
  return BigInt(Date.now()) * 1000000n;
}
