import { BrowserWindow, dialog, shell } from 'electron';
import { rename, rm, writeFile } from 'node:fs/promises';
import type { AudienceWindowControl, ElectronPlatform, RoomDisplayControl } from '../backend/plenum-backend';

/** Whether a URL is an https link (the only kind handed to the system browser). */
export function isExternalLink(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Electron's dialog and shell, the audience window and the room check, behind the port the backend uses. */
export function createElectronPlatform(
  audienceWindow: AudienceWindowControl,
  room: RoomDisplayControl,
): ElectronPlatform {
  return {
    audienceWindow,
    room,
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
      await writeWhole(result.filePath, text);
      return true;
    },
    async saveFocusedAsPdf(suggestedName) {
      // The window whose "Save as PDF" was clicked has the focus; with none there is nothing sound to print.
      const window = BrowserWindow.getFocusedWindow();
      if (window === null) throw new Error('no focused window to print');
      // 'PDF' is the format's name (the filter's label), not a sentence to translate.
      const result = await dialog.showSaveDialog(window, {
        defaultPath: suggestedName,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      if (result.canceled || result.filePath === undefined || result.filePath === '') return false;
      // Printed after the dialog closes, so the dialog never shows in it; the page's own @page rules (A4 and
      // its margins) decide the layout, and backgrounds print so the QR codes' white margins stay.
      const pdf = await window.webContents.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
      });
      await writeWhole(result.filePath, pdf);
      return true;
    },
    async openExternalLink(url) {
      // The contract validates https already; checked again here because this is where the browser opens.
      if (!isExternalLink(url)) throw new TypeError('only https links open externally');
      await shell.openExternal(url);
    },
  };
}

/** Writes a file beside its target and renames it over, so a failed write never leaves half a file. */
async function writeWhole(target: string, data: string | Uint8Array): Promise<void> {
  const partial = `${target}.partial-${process.pid}`;
  try {
    await writeFile(
      partial,
      data,
      typeof data === 'string' ? { encoding: 'utf8', flush: true } : { flush: true },
    );
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
