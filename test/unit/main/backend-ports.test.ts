import { createPendingBackend } from '../../../main/backend/pending-backend';
import { createElectronPlatform, isExternalLink } from '../../../main/platform/electron-platform';
import { electronMock, FakeBrowserWindow, resetElectronMock } from '../../support/electron-mock';

jest.mock('electron', () => jest.requireActual('../../support/electron-mock').electronMock);

beforeEach(() => resetElectronMock());

const noAudience = { show: () => undefined, hide: () => undefined };
const none = () => ({ displays: [], verdict: { kind: 'single' as const } });
const noRoom = { check: none, identify: none, audienceTo: none };

test('the pending backend answers internal and 404, and ignores audience reports', async () => {
  const backend = createPendingBackend();
  await expect(backend.dispatch('app.info', {})).resolves.toEqual({ ok: false, error: { code: 'internal' } });
  expect((await backend.mediaHandler(new Request('plenum://app/media/h/x'))).status).toBe(404);
  expect(() => backend.setAudience({ kind: 'present', placement: 'projector' })).not.toThrow();
});

test('the platform hands the audience window and room check controls to the backend as they are', () => {
  const control = { show: jest.fn(), hide: jest.fn() };
  const room = { check: jest.fn(), identify: jest.fn(), audienceTo: jest.fn() };
  const platform = createElectronPlatform(control, room);
  expect(platform.audienceWindow).toBe(control);
  expect(platform.room).toBe(room);
});

test('only https links are opened in the system browser', async () => {
  const platform = createElectronPlatform(noAudience, noRoom);
  await platform.openExternalLink('https://example.com/a');
  for (const url of [
    'http://example.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'plenum://app/',
    'x',
  ]) {
    expect(isExternalLink(url)).toBe(false);
    await expect(platform.openExternalLink(url)).rejects.toThrow(TypeError);
  }
  expect(electronMock.shell.opened).toEqual(['https://example.com/a']);
});

test('the course-file dialog is parented to the focused window and answers null when cancelled', async () => {
  const platform = createElectronPlatform(noAudience, noRoom);
  await expect(platform.pickCourseFile()).resolves.toBeNull();
  const window = new FakeBrowserWindow({});
  FakeBrowserWindow.focused = window;
  electronMock.dialog.nextResult = { canceled: false, filePaths: ['/courses/a.plenum'] };
  await expect(platform.pickCourseFile()).resolves.toBe('/courses/a.plenum');
  expect(electronMock.dialog.calls[1]?.[0]).toBe(window);
  expect(electronMock.dialog.calls[1]?.[1]).toMatchObject({ filters: [{ extensions: ['plenum'] }] });
});

test('the session log is saved where the save dialog says, whole, and a cancel writes nothing', async () => {
  const { mkdtempSync, readdirSync, readFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'plenum-save-'));
  try {
    const platform = createElectronPlatform(noAudience, noRoom);
    await expect(platform.saveTextFile('okter.csv', 'a,b\r\n')).resolves.toBe(false);
    expect(readdirSync(dir)).toEqual([]);
    const target = join(dir, 'okter.csv');
    electronMock.dialog.nextSave = { canceled: false, filePath: target };
    await expect(platform.saveTextFile('okter.csv', '\uFEFFøkt;tid\r\n')).resolves.toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('\uFEFFøkt;tid\r\n');
    expect(readdirSync(dir)).toEqual(['okter.csv']);
    expect(electronMock.dialog.calls[1]?.[0]).toMatchObject({ defaultPath: 'okter.csv' });
    // A folder that cannot be written: the failure is thrown (the service words it), no partial is left.
    electronMock.dialog.nextSave = { canceled: false, filePath: join(dir, 'missing', 'okter.csv') };
    await expect(platform.saveTextFile('okter.csv', 'x')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['okter.csv']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a handout is printed from the focused window to an A4 PDF, saved whole, and a cancel prints nothing', async () => {
  const { mkdtempSync, readdirSync, readFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'plenum-pdf-'));
  try {
    const platform = createElectronPlatform(noAudience, noRoom);
    // No window has the focus: nothing sound to print, and no dialog is shown.
    await expect(platform.saveFocusedAsPdf('demo-students.pdf')).rejects.toThrow();
    expect(electronMock.dialog.calls).toEqual([]);
    const window = new FakeBrowserWindow({});
    FakeBrowserWindow.focused = window;
    await expect(platform.saveFocusedAsPdf('demo-students.pdf')).resolves.toBe(false);
    expect(window.webContents.printCalls).toEqual([]);
    expect(electronMock.dialog.calls[0]?.[0]).toBe(window);
    expect(electronMock.dialog.calls[0]?.[1]).toMatchObject({
      defaultPath: 'demo-students.pdf',
      filters: [{ extensions: ['pdf'] }],
    });
    const target = join(dir, 'demo-students.pdf');
    electronMock.dialog.nextSave = { canceled: false, filePath: target };
    const bytes = new TextEncoder().encode('%PDF-1.7 handout\n');
    window.webContents.nextPdf = bytes;
    await expect(platform.saveFocusedAsPdf('demo-students.pdf')).resolves.toBe(true);
    expect(window.webContents.printCalls).toEqual([
      { pageSize: 'A4', printBackground: true, preferCSSPageSize: true },
    ]);
    expect(readFileSync(target)).toEqual(Buffer.from(bytes));
    expect(readdirSync(dir)).toEqual(['demo-students.pdf']);
    // Printing fails: thrown for the service to word, and the file saved before is left as it was.
    window.webContents.nextPdf = new Error('render process gone');
    await expect(platform.saveFocusedAsPdf('demo-students.pdf')).rejects.toThrow('render process gone');
    expect(readFileSync(target)).toEqual(Buffer.from(bytes));
    expect(readdirSync(dir)).toEqual(['demo-students.pdf']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
