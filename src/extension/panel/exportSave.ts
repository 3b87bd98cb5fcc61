/**
 * Saving what the panel's export buttons send (src/protocol/panel.ts, ExportRequest): a save dialog with the
 * format's filter and the suggested name, then a write only when the user chose a file. No `vscode` here: the
 * dialog, the file system and the messages come in as `SaveIo`, so mocha drives it with stubs (the URI type
 * is whatever the caller's is).
 */
import type { ExportFormat, ExportRequest } from '../../protocol/panel';
import { t } from '../l10n';

export interface SaveDialogOptions<U> {
  defaultUri: U | undefined;
  /** VS Code's shape: a label → the extensions it stands for. */
  filters: Record<string, string[]>;
  title: string;
  saveLabel: string;
}

export interface SaveIo<U> {
  /** The suggested file next to the script (or in the workspace); undefined when there is no folder to suggest. */
  defaultUri(fileName: string): U | undefined;
  /** The file the user chose, or undefined when the dialog was cancelled. */
  showSaveDialog(options: SaveDialogOptions<U>): Thenable<U | undefined>;
  writeFile(uri: U, bytes: Uint8Array): Thenable<void>;
  /** The file was written: say so (the status bar). */
  saved(uri: U): void;
  /** Saving failed: say why (an error notification). */
  failed(message: string): void;
}

export type SaveOutcome = 'saved' | 'cancelled' | 'failed';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The dialog's filter for a format. */
export function exportFilters(format: ExportFormat): Record<string, string[]> {
  switch (format) {
    case 'png':
      return { [t('PNG image')]: ['png'] };
    case 'svg':
      return { [t('SVG image')]: ['svg'] };
    case 'csv':
      return { [t('CSV table')]: ['csv'] };
  }
}

/** The file's bytes: base64 decoded for PNG (which must then start with PNG's signature), UTF-8 for text; null when the PNG is not one. */
export function exportBytes(req: ExportRequest): Uint8Array | null {
  if (req.format !== 'png') return new TextEncoder().encode(req.data);
  let binary: string;
  try {
    binary = atob(req.data);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return PNG_SIGNATURE.every((b, i) => bytes[i] === b) ? bytes : null;
}

/**
 * Asks where to save `req` and writes it there. Nothing is written when the dialog is cancelled, nor when
 * the content is not what its format says (a PNG that is not one).
 */
export async function saveExport<U>(req: ExportRequest, io: SaveIo<U>): Promise<SaveOutcome> {
  const bytes = exportBytes(req);
  if (!bytes) {
    io.failed(t('Could not save {0}: the panel sent no valid image.', req.fileName));
    return 'failed';
  }
  const uri = await io.showSaveDialog({
    defaultUri: io.defaultUri(req.fileName),
    filters: exportFilters(req.format),
    title: t('Save {0}', req.fileName),
    saveLabel: t('Save'),
  });
  if (uri === undefined) return 'cancelled';
  try {
    await io.writeFile(uri, bytes);
  } catch (e) {
    io.failed(t('Could not save {0}: {1}', req.fileName, e instanceof Error ? e.message : String(e)));
    return 'failed';
  }
  io.saved(uri);
  return 'saved';
}
