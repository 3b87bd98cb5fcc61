/**
 * `autograd-playground run FILE.py [--events FILE.jsonl] [--plots DIR]`: runs a script like `python FILE.py`
 * would, on the playground's engine; with `--python [PATH]`, on that real Python with PyTorch, through the
 * probe (runtime/python/). Bundled to dist/cli.js and started by bin/autograd-playground.js.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { encodeEvent, encodeJson, type FigureEvent, type RunEvent } from './protocol/events';
import { renderFigureSvg } from './figures/svg';
import { startRun, type RunHandle } from './runtime/host/runner';
import { checkPython, findPython, startPythonRun } from './runtime/python/pythonRun';

const USAGE = `Usage: autograd-playground run FILE.py [--events FILE.jsonl] [--plots DIR] [--graph-node-limit N] [--nan-finder]
       autograd-playground run --python [PATH] FILE.py [--events FILE.jsonl] [--plots DIR] [--nan-finder] [-- ARGS...]

Runs a PyTorch-style Python script on the Autograd Playground engine.
The script's output goes to stdout/stderr as it is printed; the exit code is
Python's: sys.exit's code, 1 after an uncaught exception, 130 after an uncaught
KeyboardInterrupt or Ctrl-C, 143 when terminated (SIGTERM), else 0.
The script can read the files under the current folder and runs in its own
folder; files it writes are kept in memory, never written to disk.
matplotlib figures are recorded at each plt.show() and plt.savefig(), and at each
point d2l.Animator adds; savefig never writes into your folder.

With --python, the script runs on a real Python with PyTorch instead (PATH, or
python3 then python on PATH), reading and writing your files as \`python FILE.py\`
would, with the arguments after -- as its sys.argv[1:]; the same events are written. savefig
writes its file; plt.show() opens no window (the figure goes to the events).
Exit code 3 when that Python has no PyTorch (the message says how to install it).

Options:
  --python [PATH]         run on a real Python with PyTorch (see above)
  --events FILE.jsonl     also write the run's event stream, one JSON event per line,
                          and each figure as FILE.figure-<n>.json next to it
  --plots DIR             write each figure as an SVG file in DIR (created if
                          missing): figure-<n>.svg, or the savefig() name with .svg
                          (an Animator's frames overwrite one file: its last frame)
  --graph-node-limit N    most nodes kept per computation-graph snapshot
  --graph-every-step      with --events: describe the whole graph at every
                          backward(), not at most every 100 ms (slower)
  --nan-finder            stop at the first operation whose result holds NaN or
                          inf, with an error naming it on the script's line
                          (VS Code's "Find Where NaN First Appears"; slower)
  -h, --help              show this help
`;

interface CliArgs {
  file: string;
  eventsFile: string | null;
  plotsDir: string | null;
  graphNodeLimit: number | undefined;
  graphEveryStep: boolean;
  /** --nan-finder: the run setting detectNonFinite. */
  nanFinder: boolean;
  /** Set with --python: the interpreter named, or '' for the default one. */
  python: string | null;
  /** The script's arguments (--python only). */
  scriptArgs: string[];
}

/** How often an events file gets a whole graph, as the panel's default update interval shows them. */
const EVENTS_GRAPH_INTERVAL_MS = 100;

class UsageError extends Error {}

/**
 * Where the command line keeps Pyodide's memory snapshot (made by its first run, loaded by the next ones):
 * $XDG_CACHE_HOME when set, else the platform's cache folder.
 */
function cacheDir(): string {
  const home = os.homedir();
  const base =
    process.env.XDG_CACHE_HOME ||
    (process.platform === 'win32'
      ? (process.env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'))
      : process.platform === 'darwin'
        ? path.join(home, 'Library', 'Caches')
        : path.join(home, '.cache'));
  return path.join(base, 'autograd-playground');
}

function parseArgs(argv: string[]): CliArgs | 'help' {
  if (argv.length === 0) throw new UsageError('missing command');
  if (argv[0] === '-h' || argv[0] === '--help') return 'help';
  const [command, ...rest] = argv;
  if (command !== 'run') throw new UsageError(`unknown command '${command}'`);
  let file: string | null = null;
  let eventsFile: string | null = null;
  let plotsDir: string | null = null;
  let graphNodeLimit: number | undefined;
  let graphEveryStep = false;
  let nanFinder = false;
  let python: string | null = null;
  const scriptArgs: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = (): string => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    // Everything after `--` is the script's own (its options included).
    if (arg === '--') {
      scriptArgs.push(...rest.slice(i + 1));
      break;
    } else if (arg === '-h' || arg === '--help') return 'help';
    else if (arg === '--events') eventsFile = value();
    else if (arg.startsWith('--events=')) eventsFile = arg.slice('--events='.length);
    else if (arg === '--graph-every-step') graphEveryStep = true;
    else if (arg === '--nan-finder') nanFinder = true;
    else if (arg === '--python') {
      // Its PATH is optional: the next argument is the interpreter unless it is the script (a .py file).
      const next = rest[i + 1];
      python = next !== undefined && !next.startsWith('-') && !/\.pyw?$/i.test(next) ? rest[++i] : '';
    } else if (arg.startsWith('--python=')) python = arg.slice('--python='.length);
    else if (arg === '--plots') plotsDir = value();
    else if (arg.startsWith('--plots=')) plotsDir = arg.slice('--plots='.length);
    else if (arg === '--graph-node-limit') {
      const v = value();
      graphNodeLimit = Number(v);
      if (!Number.isInteger(graphNodeLimit) || graphNodeLimit < 1) throw new UsageError(`bad --graph-node-limit '${v}'`);
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option '${arg}'`);
    else if (file === null) file = arg;
    else throw new UsageError(`unexpected argument '${arg}' (script arguments are not supported without --python)`);
  }
  if (file === null) throw new UsageError('missing FILE.py');
  if (graphEveryStep && eventsFile === null) throw new UsageError('--graph-every-step needs --events');
  if (scriptArgs.length > 0 && python === null) throw new UsageError('script arguments (after --) need --python');
  return { file, eventsFile, plotsDir, graphNodeLimit, graphEveryStep, nanFinder, python, scriptArgs };
}

/** `run.jsonl` → `run.figure-3.json`, in the events file's folder. */
function figureJsonPath(eventsFile: string, index: number): string {
  const dir = path.dirname(eventsFile);
  const base = path.basename(eventsFile, path.extname(eventsFile));
  return path.join(dir, `${base}.figure-${index}.json`);
}

/**
 * Names SVG files after savefig()'s file name when there is one, never reusing a name within the run, except
 * that the frames of one animation (display events of one displayId) all go to its first frame's file, which
 * ends up holding the last.
 */
class PlotNamer {
  private readonly used = new Set<string>();
  private readonly animations = new Map<number, string>();

  name(fig: FigureEvent): string {
    const frameOf = fig.reason === 'display' && fig.displayId !== undefined ? this.animations.get(fig.displayId) : undefined;
    if (frameOf !== undefined) return frameOf;
    const file = this.fresh(fig);
    if (fig.reason === 'display' && fig.displayId !== undefined) this.animations.set(fig.displayId, file);
    return file;
  }

  private fresh(fig: FigureEvent): string {
    let stem = `figure-${fig.index}`;
    if (fig.savefigPath) {
      // The script's path may be POSIX or Windows style whatever this machine is; only its last part counts.
      const last = fig.savefigPath.split(/[\\/]/).pop() ?? '';
      // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not hold
      const bare = last.replace(/\.[^.]*$/, '').replace(/[\u0000-\u001f<>:"|?*]/g, '_');
      if (bare && bare !== '.' && bare !== '..') stem = bare;
    }
    let file = `${stem}.svg`;
    if (this.used.has(file.toLowerCase())) file = `${stem}-${fig.index}.svg`;
    this.used.add(file.toLowerCase());
    return file;
  }
}

/** Writes to a stream and resolves once the data is flushed, so the exit code never cuts output short. */
function drain(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

export async function main(argv: string[]): Promise<number> {
  let args: CliArgs | 'help';
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`autograd-playground: ${e.message}\n\n${USAGE}`);
    return 2;
  }
  if (args === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }

  let source: string;
  try {
    source = fs.readFileSync(args.file, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file or directory' : (e as Error).message;
    process.stderr.write(`autograd-playground: can't open file '${args.file}': ${reason}\n`);
    return 2;
  }

  // A real Python: the one named, else python3 then python on PATH. Checked before anything is written: without
  // torch the user gets the interpreter's path and the install command, and nothing else happens.
  let pythonExe = '';
  if (args.python !== null) {
    const found = args.python ? { python: args.python, check: await checkPython(args.python) } : await findPython();
    if (!found.check.ok) {
      process.stderr.write(`autograd-playground: ${found.check.message}\n`);
      return found.check.reason === 'no-torch' ? 3 : 2;
    }
    pythonExe = found.check.info.executable;
  }

  let events: fs.WriteStream | null = null;
  if (args.eventsFile !== null) {
    try {
      // Opened synchronously so a bad path fails before the script runs, not halfway through.
      events = fs.createWriteStream(args.eventsFile, { fd: fs.openSync(args.eventsFile, 'w') });
    } catch (e) {
      process.stderr.write(`autograd-playground: can't write events file '${args.eventsFile}': ${(e as Error).message}\n`);
      return 2;
    }
  }
  const eventsOut = events;
  const eventsFile = args.eventsFile;

  const plotsDir = args.plotsDir;
  if (plotsDir !== null) {
    try {
      fs.mkdirSync(plotsDir, { recursive: true });
    } catch (e) {
      process.stderr.write(`autograd-playground: can't create plots folder '${plotsDir}': ${(e as Error).message}\n`);
      return 2;
    }
  }
  const namer = new PlotNamer();

  /** Figure files are a by-product: failing to write one is reported but does not stop the script. */
  const writeFigure = (fig: FigureEvent): void => {
    const attempt = (file: string, content: () => string): void => {
      try {
        fs.writeFileSync(file, content());
      } catch (e) {
        process.stderr.write(`autograd-playground: can't write figure file '${file}': ${(e as Error).message}\n`);
      }
    };
    if (eventsFile !== null) attempt(figureJsonPath(eventsFile, fig.index), () => encodeJson(fig) + '\n');
    if (plotsDir !== null) attempt(path.join(plotsDir, namer.name(fig)), () => renderFigureSvg(fig));
  };

  const onEvent = (e: RunEvent): void => {
    if (e.type === 'stdout') process.stdout.write(e.text);
    else if (e.type === 'stderr') process.stderr.write(e.text);
    eventsOut?.write(encodeEvent(e) + '\n');
    if (e.type === 'figure') writeFigure(e);
  };

  let handle: RunHandle;
  if (args.python !== null) {
    handle = startPythonRun({
      python: pythonExe,
      file: args.file,
      args: args.scriptArgs,
      stdin: 'inherit',
      onEvent,
      collect: false,
      instrument: args.eventsFile !== null,
      graphIntervalMs: args.graphEveryStep ? 0 : EVENTS_GRAPH_INTERVAL_MS,
      graphNodeLimit: args.graphNodeLimit,
      detectNonFinite: args.nanFinder,
    });
  } else {
    // The script reads files from the folder it is run from, and runs in its own folder; its writes stay in memory.
    handle = startRun({
      file: args.file,
      source,
      onEvent,
      // Nothing reads backward() reports without an events file; describing them would only slow the script down.
      instrument: args.eventsFile !== null,
      graphIntervalMs: args.graphEveryStep ? 0 : EVENTS_GRAPH_INTERVAL_MS,
      graphNodeLimit: args.graphNodeLimit,
      detectNonFinite: args.nanFinder,
      collect: false,
      root: process.cwd(),
      cwd: path.dirname(path.resolve(args.file)),
      snapshotDir: cacheDir(),
    });
  }
  // The exit code of a process the signal ended (128 + its number), as a shell reports it.
  let signalled: number | null = null;
  const onSignal = (code: number): void => {
    // The first signal stops the script cleanly, so the events file still gets its `end`; a second one gives
    // up on waiting.
    if (signalled !== null) process.exit(code);
    signalled = code;
    handle.stop();
  };
  const onSigint = (): void => onSignal(130);
  const onSigterm = (): void => onSignal(143);
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  try {
    const result = await handle.done;
    return signalled ?? result.exitCode;
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigterm);
    if (eventsOut) await new Promise<void>((resolve) => eventsOut.end(resolve));
    await Promise.all([drain(process.stdout), drain(process.stderr)]);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`autograd-playground: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
