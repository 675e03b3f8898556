import { BrowserWindow, dialog, shell } from 'electron';
import { rename, rm, writeFile } from 'node:fs/promises';
import type { AudienceWindowControl, ElectronPlatform } from '../backend/plenum-backend';

/** Whether a URL is an https link (the only kind handed to the system browser). */
export function isExternalLink(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Electron's dialog and shell, and the audience window, behind the port the backend uses. */
export function createElectronPlatform(audienceWindow: AudienceWindowControl): ElectronPlatform {
  return {
    audienceWindow,
    async pickCourseFile() {
      const parent = BrowserWindow.getFocusedWindow();
      // 'Plenum' is the product name (the filter's label), not a sentence to translate.
      const options = {
        properties: ['openFile' as const],
        filters: [{ name: 'Plenum', extensions: ['plenum'] }],
      };
      const result = parent
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async saveTextFile(suggestedName, text) {
      const parent = BrowserWindow.getFocusedWindow();
      // 'CSV' is the format's name (the filter's label), not a sentence to translate.
      const options = { defaultPath: suggestedName, filters: [{ name: 'CSV', extensions: ['csv'] }] };
      const result = parent
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options);
      if (result.canceled || result.filePath === undefined || result.filePath === '') return false;
      // Written beside and renamed over, so a failed write never leaves half a file where one was asked for.
      const partial = `${result.filePath}.partial-${process.pid}`;
      try {
        await writeFile(partial, text, { encoding: 'utf8', flush: true });
        await rename(partial, result.filePath);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
      return true;
    },
    async openExternalLink(url) {
      // The contract validates https already; checked again here because this is where the browser opens.
      if (!isExternalLink(url)) throw new TypeError('only https links open externally');
      await shell.openExternal(url);
    },
  };
}
