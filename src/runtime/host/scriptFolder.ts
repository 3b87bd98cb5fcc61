/**
 * The script's folder for one run: which host folders Python may read (mounted at the same path through
 * memoryOverlay.ts, writes kept in memory), the working directory, and the console note on the run's first
 * change to them. The worker calls enterScriptFolder before a run and leave() after it; a session runs many
 * scripts in one interpreter, so nothing here outlives the run.
 */
import * as nodePath from 'node:path';
import { mountOverlay, type ChangeKind, type EmFS, type OverlayMount } from './memoryOverlay';

/** What a run asks for (the `root` and `cwd` of WorkerRequest), as host paths. */
export interface ScriptFolderRequest {
  /** A folder the script may read, with everything under it. */
  root?: string;
  /** The working directory: the script's folder. It is made readable too when it lies outside `root`. */
  cwd?: string;
}

/** A host folder and where Python sees it. */
export interface FolderMount {
  hostPath: string;
  mountPoint: string;
}

export interface FolderPlan {
  mounts: FolderMount[];
  /** Python's working directory for the run, or null to keep the interpreter's. */
  cwd: string | null;
  /** Folders that cannot be shown at their own path (they would hide the interpreter's files). */
  refused: string[];
}

type PathApi = Pick<typeof nodePath.posix, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * Folders of Pyodide's own file system that a mount must neither be nor contain nor sit inside: the standard
 * library, devices, the playground's packages, the default home. (/tmp is not among them: a host /tmp shown
 * there only hides an empty folder, and writes stay in memory as they did.)
 */
const RESERVED = ['/lib', '/dev', '/proc', '/playground', '/home/pyodide', '/home/web_user'];

/**
 * Where Python sees a host path. POSIX paths keep their spelling, so `__file__`, tracebacks and paths the
 * script prints mean the same in both worlds. A Windows path has no POSIX spelling; it becomes
 * `/<drive letter>/…` (C:\Users\me\proj → /c/Users/me/proj), and a UNC path `/unc/<server>/<share>/…`.
 */
export function pythonPath(hostPath: string, api: PathApi = nodePath): string {
  const resolved = api.resolve(hostPath);
  if (api.sep === '/') return resolved;
  const drive = /^([A-Za-z]):[\\/]?(.*)$/.exec(resolved);
  const rest = (s: string): string => s.split(/[\\/]+/).filter(Boolean).join('/');
  if (drive) return `/${drive[1].toLowerCase()}${rest(drive[2]) ? '/' + rest(drive[2]) : ''}`;
  const unc = /^[\\/]{2}([^\\/]+)[\\/]+(.*)$/.exec(resolved);
  if (unc) return `/unc/${unc[1]}${rest(unc[2]) ? '/' + rest(unc[2]) : ''}`;
  return '/' + rest(resolved);
}

function inside(child: string, parent: string): boolean {
  return child === parent || child.startsWith(parent === '/' ? '/' : parent + '/');
}

function mountable(mountPoint: string): boolean {
  return mountPoint !== '/' && !RESERVED.some((r) => inside(r, mountPoint) || inside(mountPoint, r));
}

/** Which folders to mount for a request: the fewest that cover root and cwd, none of them over Python's own. */
export function planFolders(req: ScriptFolderRequest, api: PathApi = nodePath): FolderPlan {
  const wanted = [req.root, req.cwd].filter((p): p is string => typeof p === 'string' && p.length > 0).map((p) => ({ hostPath: api.resolve(p), mountPoint: pythonPath(p, api) }));
  const refused: string[] = [];
  const usable: FolderMount[] = [];
  for (const w of wanted) {
    if (mountable(w.mountPoint)) usable.push(w);
    else refused.push(w.hostPath);
  }
  // A folder inside another one is shown through it; mounting it as well would hide part of the outer mount.
  const distinct = usable.filter((m, i) => usable.findIndex((o) => o.mountPoint === m.mountPoint) === i);
  const mounts = distinct.filter((m) => !distinct.some((o) => o !== m && inside(m.mountPoint, o.mountPoint)));
  const cwd = req.cwd ? pythonPath(req.cwd, api) : null;
  const readable = cwd !== null && mounts.some((m) => inside(cwd, m.mountPoint));
  return { mounts, cwd: readable ? cwd : null, refused: refused.filter((r, i) => refused.indexOf(r) === i) };
}

/** The once-per-run note, as it appears in the console. */
export function changeNote(kind: ChangeKind, name: string): string {
  const what = kind === 'write' ? 'was kept in memory, not written to disk' : kind === 'delete' ? 'was deleted in memory only, not on disk' : 'was renamed in memory only, not on disk';
  return `autograd-playground: ${name} ${what} (a script's changes to files never reach the disk)\n`;
}

/** The name a note gives a changed path: relative to the working directory when under it, else as Python sees it. */
function noteName(changed: string, cwd: string): string {
  if (inside(changed, cwd) && changed !== cwd) return changed.slice(cwd === '/' ? 1 : cwd.length + 1);
  return changed;
}

/** Emscripten's errors are plain objects with an errno; anything else says what it is. */
function describe(e: unknown): string {
  if (e instanceof Error) return e.message;
  const errno = (e as { errno?: unknown } | null)?.errno;
  return typeof errno === 'number' ? `file system error ${errno}` : String(e);
}

/** Runs each clean-up step even when one fails (after os._exit the interpreter may refuse the last one). */
function attempt(step: () => void, note: (text: string) => void, what: string): void {
  try {
    step();
  } catch (e) {
    note(`autograd-playground: could not ${what}: ${describe(e)}\n`);
  }
}

/** The Python side's part: forgetting the folder's modules after a run (_playground/folders.py). */
export interface PythonFolderHooks {
  enter(): void;
  leave(mountPoints: string[]): void;
}

export interface ScriptFolder {
  /**
   * Unmounts, restores the working directory and forgets modules imported from the folders (not when the run
   * left the interpreter unusable: `os._exit`; its worker is replaced anyway).
   */
  leave(interpreterUsable?: boolean): void;
}

const NOTHING: ScriptFolder = { leave: () => undefined };

/**
 * Mounts the run's folders and enters its working directory. `note` gets the console text of the run's first
 * change (and of folders that cannot be shown); it must not call into Python, since it is called from inside
 * a file-system call.
 */
export function enterScriptFolder(FS: EmFS, hooks: PythonFolderHooks, req: ScriptFolderRequest, note: (text: string) => void): ScriptFolder {
  const plan = planFolders(req);
  for (const folder of plan.refused) note(`autograd-playground: the script cannot read ${folder}: it would hide the interpreter's own files\n`);
  if (plan.mounts.length === 0) return NOTHING;
  const savedCwd = FS.cwd();
  let noted = false;
  const onChange = (kind: ChangeKind, changedPath: string): void => {
    if (noted) return;
    noted = true;
    note(changeNote(kind, noteName(changedPath, FS.cwd())));
  };
  const mounted: { mountPoint: string; overlay: OverlayMount }[] = [];
  /** Folders made in the interpreter's file system to mount on, removed again (innermost first) after the run. */
  const made: string[] = [];
  const leave = (interpreterUsable = true): void => {
    const points = mounted.map((m) => m.mountPoint);
    for (const m of mounted) m.overlay.close();
    attempt(() => FS.chdir(savedCwd), note, `return to ${savedCwd}`);
    for (const m of mounted.reverse()) attempt(() => FS.unmount(m.mountPoint), note, `unmount ${m.mountPoint}`);
    mounted.length = 0;
    for (const dir of made.reverse()) {
      try {
        FS.rmdir(dir);
      } catch {
        // Not empty: the script of an earlier run wrote there outside any mount. It stays, as it would have.
      }
    }
    made.length = 0;
    if (interpreterUsable) attempt(() => hooks.leave(points), note, "forget the script's modules");
  };
  try {
    for (const m of plan.mounts) {
      const existing = FS.analyzePath(m.mountPoint);
      if (existing.exists && existing.object && FS.isMountpoint(existing.object)) FS.unmount(m.mountPoint);
      const parts = m.mountPoint.split('/').filter(Boolean);
      for (let i = 1; i <= parts.length; i++) {
        const dir = '/' + parts.slice(0, i).join('/');
        if (FS.analyzePath(dir).exists) continue;
        FS.mkdir(dir);
        made.push(dir);
      }
      mounted.push({ mountPoint: m.mountPoint, overlay: mountOverlay(FS, { hostRoot: m.hostPath, mountPoint: m.mountPoint, onChange }) });
    }
    if (plan.cwd !== null) FS.chdir(plan.cwd);
    hooks.enter();
  } catch (e) {
    note(`autograd-playground: could not make the script's folder readable: ${describe(e)}\n`);
    leave();
    return NOTHING;
  }
  return { leave };
}
