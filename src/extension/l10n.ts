/**
 * The one translation function the extension's own modules use. Under VS Code it is `vscode.l10n.t` (set by
 * extension.ts on activation); elsewhere (mocha tests, which cannot load `vscode`) it formats the English
 * source string. Pure modules import `t` from here rather than `vscode`, so they stay testable.
 *
 * Every string passed to `t` must be a literal at the call site: l10n.test.ts, beside this file, reads the sources
 * for `t('…')` calls and checks that l10n/bundle.l10n.zh-cn.json translates each one.
 */

export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

/** `{0}`, `{1}`, … replaced by the arguments, as vscode.l10n.t does for the English source string. */
export function formatMessage(message: string, args: ReadonlyArray<string | number | boolean>): string {
  return message.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const i = Number(index);
    return i < args.length ? String(args[i]) : whole;
  });
}

let current: Translate = (message, ...args) => formatMessage(message, args);

export function t(message: string, ...args: Array<string | number | boolean>): string {
  return current(message, ...args);
}

export function setTranslator(translate: Translate): void {
  current = translate;
}
