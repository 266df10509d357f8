import { ENOENT, ENOTDIR, EPERM } from './wasi-abi.mjs';

// One message's files, in the worker's memory, never on a disk: what Faasm's runtime root is to a
// Faaslet, as the jvm backend's SandboxFileSystem.java has it. Both preopens ("/" and ".") open its
// root; a shared file faasm://a lives under faasm:/a, where path resolution puts it.

/** Bounds what a guest can store, as the jvm backend's sandbox does. */
const MAX_BYTES = 64 * 1024 * 1024;
const SHARED_PREFIX = 'faasm://';
const SHARED_DIRECTORY = 'faasm:';

let nextIno = 1;

export class Node {
  constructor(isDir) {
    this.isDir = isDir;
    this.ino = nextIno++;
    this.children = isDir ? new Map() : null;
    this.data = isDir ? null : new Uint8Array(0);
    this.mtimeNanos = BigInt(Date.now()) * 1000000n;
  }
}

export class SandboxFs {
  constructor() {
    this.root = new Node(true);
    this.used = 0;
  }

  /** A fresh file system holding the given files ({guest path: base64}), with their parent directories. */
  static seeded(files) {
    const fs = new SandboxFs();
    for (const [guestPath, base64] of Object.entries(files ?? {})) {
      const names = relativeNames(guestPath);
      let dir = fs.root;
      for (const name of names.slice(0, -1)) {
        if (!dir.children.has(name)) {
          dir.children.set(name, new Node(true));
        }
        dir = dir.children.get(name);
      }
      const file = new Node(false);
      file.data = Uint8Array.fromBase64(base64);
      fs.used += file.data.length;
      dir.children.set(names.at(-1), file);
    }
    return fs;
  }

  /**
   * Where a path relative to `dir` leads, as Chicory resolves it (dots folded, no way out of the root):
   * {parent, name, node} (node undefined when the last part does not exist), or {errno}.
   */
  resolve(dir, path) {
    if (path.startsWith('/') || path.includes('\0')) {
      return { errno: EPERM };
    }
    const stack = [];
    for (const name of path.split('/')) {
      if (name === '' || name === '.') {
        continue;
      }
      if (name === '..') {
        if (stack.length === 0) {
          return { errno: EPERM };
        }
        stack.pop();
      } else {
        stack.push(name);
      }
    }
    let parent = dir;
    for (const name of stack.slice(0, -1)) {
      const next = parent.children.get(name);
      if (!next) {
        return { errno: ENOENT };
      }
      if (!next.isDir) {
        return { errno: ENOTDIR };
      }
      parent = next;
    }
    if (stack.length === 0) {
      return { parent: dir, name: '.', node: dir };
    }
    const name = stack.at(-1);
    return { parent, name, node: parent.children.get(name) };
  }

  /**
   * The bytes of the regular file at a path as Faasm's host reads it, under the root whatever the path
   * says (faasm:src/storage/FileDescriptor.cpp:26-32); undefined when there is none.
   */
  read(rawPath) {
    const found = this.resolve(this.root, rawPath.replace(/^\/+/, ''));
    return found.node && !found.node.isDir ? found.node.data.slice() : undefined;
  }

  /** Gives a file a new length, within the sandbox's bound; false when it would not fit. */
  resize(file, length) {
    const used = this.used - file.data.length + length;
    if (used > MAX_BYTES) {
      return false;
    }
    const data = new Uint8Array(length);
    data.set(file.data.subarray(0, Math.min(length, file.data.length)));
    file.data = data;
    this.used = used;
    return true;
  }

  /** Forgets a removed file's bytes. */
  release(node) {
    if (!node.isDir) {
      this.used -= node.data.length;
    }
  }

  /** Every regular file as {guest path: base64}, after the run. */
  files() {
    const files = {};
    const walk = (dir, prefix) => {
      for (const [name, node] of dir.children) {
        const path = prefix === '' ? name : `${prefix}/${name}`;
        if (node.isDir) {
          walk(node, path);
        } else {
          files[guestPath(path)] = node.data.toBase64();
        }
      }
    };
    walk(this.root, '');
    return files;
  }
}

/** The names under the root of a spec's guest path (checked by the spec loader): /a/b or faasm://a/b. */
function relativeNames(guestPath) {
  return guestPath.startsWith(SHARED_PREFIX)
    ? [SHARED_DIRECTORY, ...guestPath.slice(SHARED_PREFIX.length).split('/')]
    : guestPath.slice(1).split('/');
}

function guestPath(relative) {
  return relative.startsWith(`${SHARED_DIRECTORY}/`) ? SHARED_PREFIX + relative.slice(SHARED_DIRECTORY.length + 1) : `/${relative}`;
}
