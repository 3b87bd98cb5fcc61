// Starts and stops code-server 4.100.3 (VS Code 1.100.3's server and web workbench), installed by
// test/ui/setup.sh, for the UI suites. Every write (user data, extensions, logs, temp files) stays in
// the directory the caller gives, so runs never touch the developer's own VS Code.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const UI_CACHE = process.env.UI_CACHE || path.join(ROOT, '.ui-cache');
export const CODE_SERVER = path.join(UI_CACHE, 'cs/node_modules/.bin/code-server');

const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
};

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function env(dir, extra = {}) {
  return {
    ...process.env,
    ...extra,
    TMPDIR: path.join(dir, 'tmp'),
    XDG_CONFIG_HOME: path.join(dir, 'xdg/config'),
    XDG_DATA_HOME: path.join(dir, 'xdg/data'),
    XDG_CACHE_HOME: path.join(dir, 'xdg/cache'),
    // An empty gallery: no marketplace requests (the machine has no network for them).
    EXTENSIONS_GALLERY: '{}',
  };
}

/** Installs a VSIX into `dir`'s extensions folder (the way `code --install-extension` does). */
export function installVsix(dir, vsix) {
  fs.mkdirSync(path.join(dir, 'tmp'), { recursive: true });
  execFileSync(CODE_SERVER, ['--user-data-dir', path.join(dir, 'user-data'), '--extensions-dir', path.join(dir, 'extensions'), '--install-extension', vsix], {
    env: env(dir),
    stdio: 'pipe',
  });
}

/**
 * Starts code-server on a free port with a fresh user-data directory under `dir`.
 * options.settings are merged into the user settings; options.locale sets the display language
 * (argv.json, as "Configure Display Language" would); options.env adds environment variables, which the
 * server passes on to its extension hosts (the extension-host suite reads its parameters from them).
 * Returns { base, port, dir, workspace, stop() }.
 */
export async function startCodeServer(dir, { workspace, settings = {}, locale, env: extraEnv = {} } = {}) {
  if (!fs.existsSync(CODE_SERVER)) throw new Error(`code-server is not installed: run test/ui/setup.sh (looked in ${CODE_SERVER})`);
  const userData = path.join(dir, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'extensions'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'tmp'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User/settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2));
  if (locale) fs.writeFileSync(path.join(userData, 'User/argv.json'), JSON.stringify({ locale }));
  const port = await freePort();
  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--user-data-dir', userData,
    '--extensions-dir', path.join(dir, 'extensions'),
  ];
  if (locale) args.push('--locale', locale);
  if (workspace) args.push(workspace);
  const log = fs.openSync(path.join(dir, 'code-server.log'), 'a');
  // detached: its own process group, so stop() can end the extension hosts and watchers with it.
  const child = spawn(CODE_SERVER, args, { env: env(dir, extraEnv), stdio: ['ignore', log, log], detached: true });
  const base = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}); see ${path.join(dir, 'code-server.log')}`);
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() - t0 > 30000) throw new Error('code-server did not answer /healthz within 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = async () => {
    if (child.exitCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const t1 = Date.now();
    while (Date.now() - t1 < 5000) {
      try {
        process.kill(-child.pid, 0);
      } catch {
        return; // the whole group is gone
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  return { base, port, dir, workspace, stop };
}

/**
 * The workbench URL for a folder. devPath loads an unpacked extension (--extensionDevelopmentPath),
 * testsPath runs a mocha suite inside the extension host (--extensionTestsPath): VS Code for the web
 * takes both through the `payload` query parameter, as paths on the server.
 */
export function workbenchUrl(base, { folder, devPath, testsPath }) {
  const host = new URL(base).host;
  const payload = [];
  if (devPath) payload.push(['extensionDevelopmentPath', `vscode-remote://${host}${devPath}`]);
  if (testsPath) payload.push(['extensionTestsPath', `vscode-remote://${host}${testsPath}`]);
  let url = `${base}/?folder=${encodeURIComponent(folder)}`;
  if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}
