import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from '../../support/expect-accessible';
import { ensureDemoCourse, startPlenumHost } from './plenum-host';
import { DEMO_TITLE, unlockDemo } from './unlock-demo';

// The printable handouts, through the loopback host in Chromium: each opens in its own view from the
// overview, passes axe, and is printed with Chromium's own PDF printer; the PDF's text is read back with
// pdftotext (poppler-utils), so what is checked is what lands on paper, not only the markup.

const TITLE = DEMO_TITLE;
const PEOPLE = ['Rune', 'Daniel', 'Gro', 'Hege', 'Ove'];

/** The printed PDFs are kept beside the screenshots, to look at after a run. */
const PDF_DIR = join('test-results', 'handouts');

test.beforeAll(() => {
  test.setTimeout(360_000);
  ensureDemoCourse();
  mkdirSync(PDF_DIR, { recursive: true });
});

/** Opens a handout from the overview's list, checks its view with axe and keeps a screenshot. */
async function openHandout(page: Page, kind: string): Promise<void> {
  await page.locator('[data-role="handouts"]').locator(`[data-role="handout-${kind}"]`).click();
  await expect(page.locator(`[data-role="handout"][data-handout="${kind}"]`)).toBeVisible();
  // QR codes are drawn asynchronously; wait until every link's code is there.
  await expect(page.locator('.handout-link:not(:has([data-role="qr"]))')).toHaveCount(0);
  await expectAccessible(page, `the ${kind} handout`);
  await page.screenshot({ path: `test-results/screens/handout-${kind}.png`, fullPage: true });
}

/** Prints the page as Chromium prints it (print media, the page's @page size) and returns the PDF's text. */
async function printedText(page: Page, kind: string): Promise<{ text: string; pages: number }> {
  const file = join(PDF_DIR, `${kind}.pdf`);
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  // A4 is 595.28 x 841.89 points.
  expect(size?.slice(1).map((value) => Math.round(Number(value)))).toEqual(['595', '842'].map(Number));
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return { text: text.replace(/\s+/g, ' '), pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]) };
}

/** The page's globals this spec touches, typed structurally (no DOM types in the e2e files). */
interface PageGlobal {
  print(): void;
  printed: number;
  getComputedStyle(element: unknown): { breakInside: string };
}

test('the students’ handout, the plan template and the run sheet print with the course in them', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const host = await startPlenumHost();
  try {
    await unlockDemo(page, host.url);
    const chapterRows = page.locator('.chapter-table tbody th[scope="row"]');
    await expect(chapterRows.first()).toBeAttached();
    const chapters = await chapterRows.allTextContents();
    expect(chapters.length).toBeGreaterThan(3);
    await expect(page.locator('[data-role="handouts"] button')).toHaveCount(4);

    await openHandout(page, 'students');
    await page.locator('[data-role="attendance-required"]').check();
    const students = await printedText(page, 'students');
    expect(students.text).toContain(TITLE);
    for (const name of PEOPLE) expect(students.text).toContain(name);
    expect(students.text).toContain('Det er obligatorisk oppmøte i denne timen.');
    // The case facts (nine headings), what to prepare, and the themes come from the course's handout section.
    expect(students.text).toContain('Forholdet til deltakerne');
    expect(students.text).toContain('Skriv ned to eller tre spørsmål');
    expect(students.text).toContain('Møteledelse');
    // Only the handout is printed: no app header, no buttons.
    expect(students.text).not.toContain('Lagre som PDF');
    expect(students.text).not.toContain('Tilbake til kurset');
    // No item is split over two pages.
    await page.emulateMedia({ media: 'print' });
    const breaks = await page.locator('.handout-item').evaluateAll((items) => {
      const page = globalThis as unknown as PageGlobal;
      return [...new Set(items.map((item) => page.getComputedStyle(item).breakInside))];
    });
    expect(breaks).toEqual(['avoid']);
    await page.emulateMedia({ media: null });
    await page.locator('[data-role="handout-back"]').click();

    await openHandout(page, 'plan-template');
    const plan = await printedText(page, 'plan-template');
    expect(plan.text).toContain(TITLE.toUpperCase());
    for (const heading of [
      'Hovedmål',
      'Delmål',
      'Hvem gjør hva, og innen når',
      'Slik blir personens egne ønsker hørt',
    ])
      expect(plan.text).toContain(heading);
    for (const name of PEOPLE) expect(plan.text).toContain(name);
    await page.locator('[data-role="handout-back"]').click();

    await openHandout(page, 'run-sheet');
    await page.locator('[data-role="start-time"]').fill('09:15');
    const runSheet = await printedText(page, 'run-sheet');
    expect(runSheet.text).toContain(TITLE);
    chapters.forEach((title, index) => expect(runSheet.text).toContain(`${index + 1}. ${title}`));
    // The first step starts at the time given; prompts, tips, solution ideas and links with their address.
    expect(runSheet.text).toContain('09:15 1. Åpningssekvens');
    expect(runSheet.text).not.toContain('Lagre som PDF');
    // These sub-headings print in capitals (text-transform), which pdftotext reads as such.
    for (const heading of ['Spørsmål til klassen', 'Tips', 'Forslag til løsninger', 'Lenker'])
      expect(runSheet.text).toContain(heading.toUpperCase());
    expect(runSheet.text).toContain('https://lovdata.no/');
    expect(await page.locator('[data-handout="run-sheet"] img[data-role="qr"]').count()).toBeGreaterThan(5);
    expect(runSheet.pages).toBeGreaterThan(1);

    // In the browser, "Save as PDF" is the browser's own print dialog: main answers `print`.
    await page.evaluate(() => {
      const window = globalThis as unknown as PageGlobal;
      window.printed = 0;
      window.print = () => {
        window.printed += 1;
      };
    });
    await page.locator('[data-role="handout-pdf"]').click();
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as PageGlobal).printed)).toBe(1);
    await page.locator('[data-role="handout-back"]').click();
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  } finally {
    await host.stop();
  }
});

test('the session summary prints the chapter discussed, its times and what the class said', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const host = await startPlenumHost();
  try {
    await page.setViewportSize({ width: 1280, height: 800 });
    await unlockDemo(page, host.url);
    await openHandout(page, 'session-summary');
    expect((await printedText(page, 'summary-empty')).text).toContain(
      'Det er ikke holdt noen økter med dette kurset ennå.',
    );
    await page.locator('[data-role="handout-back"]').click();

    // The short demo's chapter 4 (Taushetsplikt) is 4.5 s long: play it to its stop and write on the board.
    await page.locator('[data-role="start-presenter"]').click();
    await page.locator('[data-role="timeline-chapter"][data-chapter-index="3"]').click();
    await page.locator('[data-role="play-pause"]').click();
    await expect(page.locator('[data-role="phase"]')).toHaveAttribute('data-phase', 'discussing', {
      timeout: 30_000,
    });
    const board = page.locator('[data-role="class-board"] [data-role="board-new"]');
    await board.fill('Spør Rune før prøvesvar deles');
    await board.press('Enter');
    await expect(page.locator('[data-role="class-board"] [data-role="board-entry"]')).toHaveCount(1);
    // The board is sent to main within 400 ms of typing; end the session after that.
    await page.waitForTimeout(800);
    await page.locator('[data-role="end-session"]').click();
    await page.locator('[data-role="end-session-yes"]').click();
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();

    await openHandout(page, 'session-summary');
    await expect(page.locator('[data-role="summary-session"] option')).toHaveCount(1);
    const summary = await printedText(page, 'session-summary');
    expect(summary.text).toContain(TITLE);
    expect(summary.text).toContain('Taushetsplikt');
    expect(summary.text).toContain('Spør Rune før prøvesvar deles');
    expect(summary.text).toMatch(/Samtale planlagt \d+ min, brukt \d+ min · film 00:0\d/);
  } finally {
    await host.stop();
  }
});
