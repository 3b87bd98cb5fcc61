// The extension's side of an export: the save dialog (stubbed here) decides; nothing is written on cancel,
// nor for a PNG that is not one; the bytes written are the PNG decoded, or the text as UTF-8.
import { strict as assert } from 'node:assert';
import type { ExportRequest } from '../../protocol/panel';
import { exportBytes, exportFilters, saveExport, type SaveDialogOptions, type SaveIo } from './exportSave';

const PNG_1PX =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

interface Recorder {
  io: SaveIo<string>;
  dialogs: Array<SaveDialogOptions<string>>;
  writes: Array<{ uri: string; bytes: Uint8Array }>;
  saved: string[];
  failed: string[];
}

/** A SaveIo whose dialog answers `choice` (undefined: the user cancelled) and whose writes are recorded. */
function recorder(choice: string | undefined, writeError?: Error): Recorder {
  const r: Recorder = {
    dialogs: [],
    writes: [],
    saved: [],
    failed: [],
    io: {
      defaultUri: (name) => `/work/scripts/${name}`,
      showSaveDialog: async (options) => {
        r.dialogs.push(options);
        return choice;
      },
      writeFile: async (uri, bytes) => {
        if (writeError) throw writeError;
        r.writes.push({ uri, bytes });
      },
      saved: (uri) => r.saved.push(uri),
      failed: (message) => r.failed.push(message),
    },
  };
  return r;
}

describe('saving an export', () => {
  const csv: ExportRequest = { type: 'export', format: 'csv', fileName: 'train-loss.csv', data: 'step,loss\n1,0.5\n' };
  const png: ExportRequest = { type: 'export', format: 'png', fileName: 'train-loss.png', data: PNG_1PX };

  it('asks with the format filter and the name next to the script, and writes what was chosen', async () => {
    const r = recorder('/elsewhere/mine.csv');
    assert.equal(await saveExport(csv, r.io), 'saved');
    assert.equal(r.dialogs.length, 1);
    assert.equal(r.dialogs[0].defaultUri, '/work/scripts/train-loss.csv');
    assert.deepEqual(r.dialogs[0].filters, { 'CSV table': ['csv'] });
    assert.equal(r.writes.length, 1);
    assert.equal(r.writes[0].uri, '/elsewhere/mine.csv');
    assert.equal(new TextDecoder().decode(r.writes[0].bytes), csv.data);
    assert.deepEqual(r.saved, ['/elsewhere/mine.csv']);
    assert.deepEqual(r.failed, []);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const r = recorder(undefined);
    assert.equal(await saveExport(png, r.io), 'cancelled');
    assert.equal(r.dialogs.length, 1);
    assert.deepEqual(r.writes, []);
    assert.deepEqual(r.saved, []);
    assert.deepEqual(r.failed, []);
  });

  it('writes a PNG as its decoded bytes, and refuses one without the PNG signature before asking', async () => {
    const r = recorder('/x/a.png');
    assert.equal(await saveExport(png, r.io), 'saved');
    const bytes = r.writes[0].bytes;
    assert.deepEqual([...bytes.slice(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.equal(bytes.length, 70);
    assert.deepEqual(exportFilters('png'), { 'PNG image': ['png'] });

    const notPng = recorder('/x/a.png');
    assert.equal(exportBytes({ ...png, data: 'R0lGODlh' }), null); // a GIF's signature
    assert.equal(await saveExport({ ...png, data: 'R0lGODlh' }, notPng.io), 'failed');
    assert.deepEqual(notPng.dialogs, []);
    assert.deepEqual(notPng.writes, []);
    assert.match(notPng.failed[0], /Could not save train-loss\.png/);
  });

  it('says why when the write fails', async () => {
    const r = recorder('/ro/a.csv', new Error('EACCES: permission denied'));
    assert.equal(await saveExport(csv, r.io), 'failed');
    assert.deepEqual(r.saved, []);
    assert.deepEqual(r.failed, ['Could not save train-loss.csv: EACCES: permission denied']);
  });
});
