/**
 * An Emscripten file system that shows a folder of the host's disk to Python and keeps every change in memory:
 * the script's folder, mounted by scriptFolder.ts for the length of a run.
 *
 * It is MEMFS with some nodes still "on the host": a folder's entries are listed from the disk the first time
 * anything looks inside it, a file's size and times come from the disk until something changes it, and its
 * bytes are read from the disk as the script reads them (so listing a folder or asking a 10 GB file's size
 * reads no contents, and reading the first line of one reads a few KiB). The first change to a host file
 * (opening it for writing, truncating it, chmod, utime) copies it into memory, and from then on it is an
 * ordinary MEMFS file. Creating, renaming and deleting change MEMFS's tree, which was listed from the disk
 * before: an entry deleted in the run stays deleted for the run, while the file on disk is untouched.
 *
 * Only node:fs functions that read are called here (readdirSync, statSync, realpathSync, openSync with 'r',
 * readSync, closeSync); scriptFolder.test.ts checks that no writing one is named.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** What a change to the mounted folder is; the once-per-run note words itself after the first one. */
export type ChangeKind = 'write' | 'delete' | 'rename';

// ---- The parts of Emscripten's FS this module uses (Pyodide does not type them) ----

export interface EmNode {
  parent: EmNode;
  name: string;
  mode: number;
  mount: unknown;
  mounted: unknown;
  contents: unknown;
  usedBytes?: number;
  atime: number;
  mtime: number;
  ctime: number;
  node_ops: NodeOps;
  stream_ops: StreamOps;
}

export interface EmStream {
  node: EmNode;
  flags: number;
  position: number;
  stream_ops: StreamOps;
}

export interface EmStats {
  size: number;
  blocks: number;
  blksize: number;
  atime: Date;
  mtime: Date;
  ctime: Date;
  mode: number;
}

interface SetAttr {
  size?: number;
  mode?: number;
  atime?: number;
  mtime?: number;
  ctime?: number;
}

export interface NodeOps {
  getattr?(node: EmNode): EmStats;
  setattr?(node: EmNode, attr: SetAttr): void;
  lookup?(parent: EmNode, name: string): EmNode;
  mknod?(parent: EmNode, name: string, mode: number, dev: number): EmNode;
  rename?(node: EmNode, newDir: EmNode, newName: string): void;
  unlink?(parent: EmNode, name: string): void;
  rmdir?(parent: EmNode, name: string): void;
  readdir?(node: EmNode): string[];
  symlink?(parent: EmNode, name: string, target: string): EmNode;
  readlink?(node: EmNode): string;
}

export interface StreamOps {
  open?(stream: EmStream): void;
  close?(stream: EmStream): void;
  read?(stream: EmStream, buffer: Uint8Array, offset: number, length: number, position: number): number;
  write?(stream: EmStream, buffer: Uint8Array, offset: number, length: number, position: number, canOwn?: boolean): number;
  llseek?(stream: EmStream, offset: number, whence: number): number;
  mmap?(stream: EmStream, length: number, position: number, prot: number, flags: number): unknown;
  msync?(stream: EmStream, buffer: Uint8Array, offset: number, length: number, flags: number): number;
}

interface Memfs {
  mount(mount: unknown): EmNode;
  createNode(parent: EmNode | null, name: string, mode: number, dev: number): EmNode;
  node_ops: Required<NodeOps>;
  stream_ops: Required<Pick<StreamOps, 'read' | 'write' | 'llseek' | 'mmap' | 'msync'>>;
  ops_table: { dir: { node: NodeOps; stream: StreamOps }; file: { node: NodeOps; stream: StreamOps } } | null;
}

export interface EmFS {
  filesystems: { MEMFS: Memfs };
  ErrnoError: new (errno: number) => Error;
  lookupNode(parent: EmNode, name: string): EmNode;
  getPath(node: EmNode): string;
  cwd(): string;
  chdir(path: string): void;
  mkdir(path: string): void;
  rmdir(path: string): void;
  mount(type: { mount(mount: unknown): EmNode }, opts: object, mountpoint: string): EmNode;
  unmount(mountpoint: string): void;
  analyzePath(path: string): { exists: boolean; object: EmNode | null };
  isDir(mode: number): boolean;
  isFile(mode: number): boolean;
  isMountpoint(node: EmNode): boolean;
}

// Emscripten's errno numbers (its own table, not the host's) and open flags.
const ENOENT = 44;
const EACCES = 2;
const EBADF = 8;
const EINVAL = 28;
const EIO = 29;
const ENOTDIR = 54;
const O_ACCMODE = 3;
const O_RDONLY = 0;
const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const SEEK_CUR = 1;
const SEEK_END = 2;

/** What a host-backed node still takes from the disk. Nodes not in the map are plain MEMFS nodes. */
type HostState = { kind: 'dir'; hostPath: string; listed: boolean; timesLoaded: boolean } | { kind: 'file'; hostPath: string; stat: fs.Stats | null };

export interface OverlayMount {
  /** Ends the mount's use of the disk: closes the host files the script left open. */
  close(): void;
}

export interface OverlayOptions {
  /** The folder on the host disk, in the host's own spelling (a Windows path on Windows). */
  hostRoot: string;
  /** Where Python sees it (an absolute POSIX path). */
  mountPoint: string;
  /** Called on every change under the mount (scriptFolder.ts notes the first one of a run). */
  onChange(kind: ChangeKind, pythonPath: string): void;
}

/** Mounts `hostRoot` at `mountPoint` (which must exist and be an empty folder of the FS). */
export function mountOverlay(FS: EmFS, opts: OverlayOptions): OverlayMount {
  const MEMFS = FS.filesystems.MEMFS;
  const state = new WeakMap<EmNode, HostState>();
  /** Host file descriptors of the script's open read-only streams on files still on the host. */
  const fds = new Map<EmStream, number>();
  let closed = false;

  // MEMFS fills its ops table on first use; the root file system is MEMFS, so it is filled by now.
  const memDirOps = MEMFS.ops_table!.dir.node;
  const memFileNodeOps = MEMFS.ops_table!.file.node;
  const memFileStreamOps = MEMFS.ops_table!.file.stream;
  const mem = MEMFS.node_ops;

  const errno = (code: number): Error => new FS.ErrnoError(code);

  /** A host error as the errno Python should see (PermissionError, FileNotFoundError, …). */
  const hostErrno = (e: unknown): Error => {
    const code = (e as NodeJS.ErrnoException | null)?.code;
    return errno(code === 'ENOENT' ? ENOENT : code === 'EACCES' || code === 'EPERM' ? EACCES : code === 'ENOTDIR' ? ENOTDIR : EIO);
  };

  const pathOf = (parent: EmNode, name: string): string => {
    const dir = FS.getPath(parent);
    return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
  };

  const changed = (kind: ChangeKind, parent: EmNode, name: string): void => {
    opts.onChange(kind, pathOf(parent, name));
  };

  // ---- folders still listed from the disk ----

  /** Takes the folder's times from the disk once, before anything in the run changes them. */
  const loadDirTimes = (node: EmNode): void => {
    const s = state.get(node);
    if (!s || s.kind !== 'dir' || s.timesLoaded) return;
    s.timesLoaded = true;
    try {
      const st = fs.statSync(s.hostPath);
      node.atime = st.atimeMs;
      node.mtime = st.mtimeMs;
      node.ctime = st.ctimeMs;
    } catch {
      // A folder gone from the disk keeps the times of its listing.
    }
  };

  /** Creates the folder's entries from the disk, once: from then on MEMFS's tree is the truth for the run. */
  const list = (dir: EmNode): void => {
    const s = state.get(dir);
    if (!s || s.kind !== 'dir' || s.listed) return;
    if (closed) throw errno(EBADF);
    s.listed = true;
    loadDirTimes(dir);
    const times = [dir.atime, dir.mtime, dir.ctime];
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(s.hostPath, { withFileTypes: true });
    } catch (e) {
      throw hostErrno(e);
    }
    const contents = dir.contents as Record<string, EmNode>;
    for (const entry of entries) {
      if (Object.prototype.hasOwnProperty.call(contents, entry.name)) continue;
      const hostPath = path.join(s.hostPath, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        // Shown as what it points to; a broken link is left out, as are sockets, FIFOs and devices (opening a
        // FIFO would block the worker), and a link to a folder that holds it (os.walk would never end).
        try {
          const st = fs.statSync(hostPath);
          isDir = st.isDirectory();
          isFile = st.isFile();
          if (isDir) {
            const target = fs.realpathSync(hostPath);
            const here = fs.realpathSync(s.hostPath);
            if (here === target || here.startsWith(target.endsWith(path.sep) ? target : target + path.sep)) continue;
          }
        } catch {
          continue;
        }
      }
      if (isDir) adoptDir(MEMFS.createNode(dir, entry.name, S_IFDIR | 0o777, 0), hostPath);
      else if (isFile) adoptFile(MEMFS.createNode(dir, entry.name, S_IFREG | 0o666, 0), hostPath);
    }
    // Listing is reading: MEMFS stamped the folder as changed for each entry it created.
    [dir.atime, dir.mtime, dir.ctime] = times;
  };

  /** A host folder whose node is about to change: its entries and times must be the disk's first. */
  const beforeDirChange = (dir: EmNode): void => {
    list(dir);
    loadDirTimes(dir);
  };

  const hostDirOps: NodeOps = {
    ...memDirOps,
    getattr(node) {
      loadDirTimes(node);
      return mem.getattr(node);
    },
    setattr(node, attr) {
      loadDirTimes(node);
      if (isChange(attr)) opts.onChange('write', FS.getPath(node));
      mem.setattr(node, attr);
    },
    lookup(parent, name) {
      list(parent);
      const child = (parent.contents as Record<string, EmNode>)[name];
      if (!child) throw errno(ENOENT);
      return child;
    },
    mknod(parent, name, mode, dev) {
      beforeDirChange(parent);
      const node = mem.mknod(parent, name, mode, dev);
      changed('write', parent, name);
      return node;
    },
    symlink(parent, name, target) {
      beforeDirChange(parent);
      const node = mem.symlink(parent, name, target);
      changed('write', parent, name);
      return node;
    },
    rename(node, newDir, newName) {
      const oldParent = node.parent;
      const oldName = node.name;
      beforeDirChange(oldParent);
      if (state.has(newDir)) beforeDirChange(newDir);
      // MEMFS refuses to replace a non-empty folder by looking at its entries, so they must be there.
      const target = (newDir.contents as Record<string, EmNode>)[newName];
      if (target) list(target);
      mem.rename(node, newDir, newName);
      changed('rename', oldParent, oldName);
    },
    unlink(parent, name) {
      beforeDirChange(parent);
      mem.unlink(parent, name);
      changed('delete', parent, name);
    },
    rmdir(parent, name) {
      beforeDirChange(parent);
      list(FS.lookupNode(parent, name));
      mem.rmdir(parent, name);
      changed('delete', parent, name);
    },
    readdir(node) {
      list(node);
      return mem.readdir(node);
    },
  };

  const adoptDir = (node: EmNode, hostPath: string): void => {
    state.set(node, { kind: 'dir', hostPath, listed: false, timesLoaded: false });
    node.node_ops = hostDirOps;
  };

  // ---- files still read from the disk ----

  const hostStat = (node: EmNode): fs.Stats => {
    const s = state.get(node);
    if (!s || s.kind !== 'file') throw errno(EINVAL);
    if (!s.stat) {
      try {
        s.stat = fs.statSync(s.hostPath);
      } catch (e) {
        throw hostErrno(e);
      }
    }
    return s.stat;
  };

  /** Copies a host file into memory (its bytes, or none when it is about to be emptied); MEMFS's from then on. */
  const toMemory = (node: EmNode, withBytes: boolean): void => {
    const s = state.get(node);
    if (!s || s.kind !== 'file') return;
    if (closed) throw errno(EBADF);
    const st = hostStat(node);
    let bytes: Uint8Array = new Uint8Array(0);
    if (withBytes) {
      try {
        bytes = readWhole(s.hostPath, st.size);
      } catch (e) {
        throw hostErrno(e);
      }
    }
    node.contents = bytes;
    node.usedBytes = bytes.length;
    node.atime = st.atimeMs;
    node.mtime = st.mtimeMs;
    node.ctime = st.ctimeMs;
    node.node_ops = memFileNodeOps;
    node.stream_ops = memFileStreamOps;
    state.delete(node);
  };

  const hostFileNodeOps: NodeOps = {
    getattr(node) {
      if (!state.has(node)) return mem.getattr(node);
      const st = hostStat(node);
      const attr = mem.getattr(node);
      attr.size = st.size;
      attr.blocks = Math.ceil(st.size / attr.blksize);
      attr.atime = new Date(st.atimeMs);
      attr.mtime = new Date(st.mtimeMs);
      attr.ctime = new Date(st.ctimeMs);
      return attr;
    },
    setattr(node, attr) {
      if (isChange(attr)) opts.onChange('write', FS.getPath(node));
      // Truncating to nothing needs none of the old bytes (open(…, 'w') of a 10 GB file reads none of it).
      toMemory(node, attr.size !== 0);
      mem.setattr(node, attr);
    },
  };

  const hostFd = (stream: EmStream): number => {
    let fd = fds.get(stream);
    if (fd === undefined) {
      const s = state.get(stream.node);
      if (closed || !s) throw errno(EBADF);
      try {
        fd = fs.openSync(s.hostPath, 'r');
      } catch (e) {
        throw hostErrno(e);
      }
      fds.set(stream, fd);
    }
    return fd;
  };

  const releaseFd = (stream: EmStream): void => {
    const fd = fds.get(stream);
    if (fd === undefined) return;
    fds.delete(stream);
    try {
      fs.closeSync(fd);
    } catch {
      // Already closed (the mount ended); nothing is lost.
    }
  };

  const hostFileStreamOps: StreamOps = {
    open(stream) {
      if ((stream.flags & O_ACCMODE) !== O_RDONLY) {
        opts.onChange('write', FS.getPath(stream.node));
        toMemory(stream.node, true);
      }
      if (!state.has(stream.node)) stream.stream_ops = memFileStreamOps;
      else hostFd(stream);
    },
    close(stream) {
      releaseFd(stream);
    },
    read(stream, buffer, offset, length, position) {
      // Another stream may have copied the file into memory since this one was opened.
      if (!state.has(stream.node)) return memFileStreamOps.read!(stream, buffer, offset, length, position);
      if (length === 0) return 0;
      try {
        return fs.readSync(hostFd(stream), buffer, offset, length, position);
      } catch (e) {
        if (e instanceof FS.ErrnoError) throw e;
        throw hostErrno(e);
      }
    },
    write(stream, buffer, offset, length, position, canOwn) {
      toMemory(stream.node, true);
      return memFileStreamOps.write!(stream, buffer, offset, length, position, canOwn);
    },
    llseek(stream, offset, whence) {
      if (!state.has(stream.node)) return memFileStreamOps.llseek!(stream, offset, whence);
      let position = offset;
      if (whence === SEEK_CUR) position += stream.position;
      else if (whence === SEEK_END) position += hostStat(stream.node).size;
      if (position < 0) throw errno(EINVAL);
      return position;
    },
    mmap(stream, length, position, prot, flags) {
      toMemory(stream.node, true);
      return memFileStreamOps.mmap!(stream, length, position, prot, flags);
    },
    msync(stream, buffer, offset, length, flags) {
      toMemory(stream.node, true);
      return memFileStreamOps.msync!(stream, buffer, offset, length, flags);
    },
  };

  const adoptFile = (node: EmNode, hostPath: string): void => {
    state.set(node, { kind: 'file', hostPath, stat: null });
    node.node_ops = hostFileNodeOps;
    node.stream_ops = hostFileStreamOps;
  };

  FS.mount(
    {
      mount(mount: unknown): EmNode {
        const root = MEMFS.mount(mount);
        adoptDir(root, opts.hostRoot);
        return root;
      },
    },
    {},
    opts.mountPoint,
  );

  return {
    close(): void {
      closed = true;
      for (const stream of [...fds.keys()]) releaseFd(stream);
    },
  };
}

/** A host file's bytes, read straight into the array MEMFS keeps (readFileSync's Buffer would cost a copy). */
function readWhole(hostPath: string, size: number): Uint8Array {
  const fd = fs.openSync(hostPath, 'r');
  try {
    const bytes = new Uint8Array(size);
    let n = 0;
    while (n < size) {
      const got = fs.readSync(fd, bytes, n, size - n, n);
      if (got === 0) break;
      n += got;
    }
    return n === size ? bytes : bytes.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/** Whether a setattr changes anything a script can see (chown only stamps a time). */
function isChange(attr: SetAttr): boolean {
  return attr.size !== undefined || attr.mode != null || attr.atime != null || attr.mtime != null;
}
