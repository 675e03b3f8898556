import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './plenum-host';

/** The demo course's title, as its overview shows it. */
export const DEMO_TITLE = 'Hva er viktig for MEG';

/**
 * Opens the demo from the library (going to `url` first when given), types its password and waits for its
 * overview: the way in every browser spec starts.
 */
export async function unlockDemo(page: Page, url?: string): Promise<void> {
  if (url !== undefined) await page.goto(url);
  await page.locator('[data-role="open-demo"]').click();
  await page.locator('[data-role="password"]').fill(DEMO_PASSWORD);
  await page.locator('[data-role="password"]').press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: DEMO_TITLE })).toBeVisible();
  // The unlock screen's heading is the course title too: wait for the overview itself.
  await expect(page.locator('[data-role="start-presenter"]')).toBeVisible({ timeout: 30_000 });
}
