// `npm run test:vscode`: the same extension-host integration suite (test/ui/exthost) in desktop VS Code,
// through @vscode/test-electron's runTests (the usual way extensions run their integration tests).
//
// It needs a desktop VS Code. Without one, @vscode/test-electron downloads it (into .ui-cache/vscode-test),
// which needs network access to update.code.visualstudio.com; offline, point it at a local install:
//
//   VSCODE_EXECUTABLE=/path/to/code npm run test:vscode
//   npm run test:vscode -- --vscode-executable /path/to/code
//
// Options: --vsix FILE tests an installed VSIX instead of the repository folder; --vscode-version V picks the
// version to download (default 1.100.3, the VS Code that test:ui's code-server carries; also VSCODE_VERSION).
// On Linux without a display, run it under xvfb-run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/codeServer.mjs';
import { buildExtHostTests, SUITE_INDEX, SUITE_OUT } from './buildExtHostTests.mjs';
import { prepareWorkspace } from './runExtHost.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const executable = option('--vscode-executable') ?? process.env.VSCODE_EXECUTABLE;
const version = option('--vscode-version') ?? process.env.VSCODE_VERSION ?? '1.100.3';
const vsix = option('--vsix');

const { runTests, resolveCliArgsFromVSCodeExecutablePath, downloadAndUnzipVSCode } = await import('@vscode/test-electron');

const outDir = path.join(ROOT, '.ui-out', 'electron');
fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });

if (!vsix) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}
await buildExtHostTests();
const workspace = prepareWorkspace(path.join(outDir, 'workspace'));
const userData = path.join(outDir, 'user-data');
const extensionsDir = path.join(outDir, 'extensions');
fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
fs.mkdirSync(extensionsDir, { recursive: true });
fs.writeFileSync(
  path.join(userData, 'User/settings.json'),
  JSON.stringify({ 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'extensions.autoUpdate': false, 'security.workspace.trust.enabled': false, 'git.enabled': false }, null, 2),
);

function explainDownloadFailure(e) {
  const message = e instanceof Error ? e.message : String(e);
  console.error(`
test:vscode: could not get VS Code ${version} (${message}).
@vscode/test-electron downloads VS Code from update.code.visualstudio.com, which this machine cannot reach.
Use a VS Code installed locally instead:
    VSCODE_EXECUTABLE=/path/to/code npm run test:vscode
    npm run test:vscode -- --vscode-executable /path/to/code
(on Linux without a display: xvfb-run -a npm run test:vscode). The same suite runs in code-server with
npm run test:ui, which needs no download.`);
}

let vscodeExecutablePath = executable;
if (vscodeExecutablePath) {
  if (!fs.existsSync(vscodeExecutablePath)) {
    console.error(`test:vscode: ${vscodeExecutablePath} (VSCODE_EXECUTABLE / --vscode-executable) does not exist`);
    process.exit(2);
  }
} else {
  console.log(`test:vscode: no VSCODE_EXECUTABLE given; downloading VS Code ${version} with @vscode/test-electron…`);
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({ version, cachePath: path.join(ROOT, '.ui-cache', 'vscode-test'), timeout: 15000 });
  } catch (e) {
    explainDownloadFailure(e);
    process.exit(1);
  }
}

let extensionDevelopmentPath = ROOT;
let expectedDir = ROOT;
if (vsix) {
  // Install into the fresh extensions folder; the suite then runs from the code-free harness folder (the
  // extension host runs tests only for a development extension).
  const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
  const r = spawnSync(cli, [...cliArgs, '--extensions-dir', extensionsDir, '--user-data-dir', userData, '--install-extension', path.resolve(vsix)], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`test:vscode: installing ${vsix} failed`);
    process.exit(1);
  }
  extensionDevelopmentPath = SUITE_OUT;
  expectedDir = extensionsDir;
}

const t0 = Date.now();
try {
  const code = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath,
    extensionTestsPath: SUITE_INDEX,
    extensionTestsEnv: { AGP_UI_TARGET: vsix ? 'vsix' : 'dev', AGP_UI_EXTENSION_DIR: expectedDir, AGP_UI_PLAIN_LOG: '1' },
    launchArgs: [
      workspace,
      '--user-data-dir', userData,
      '--extensions-dir', extensionsDir,
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--disable-telemetry',
      '--disable-updates',
    ],
  });
  console.log(`test:vscode: passed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  process.exit(code === 0 ? 0 : 1);
} catch (e) {
  console.error(`test:vscode: the suite failed (${e instanceof Error ? e.message : e}) after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  process.exit(1);
}
