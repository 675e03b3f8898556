import { defineConfig } from '@playwright/test';

/**
 * Browser tests of the renderer in Debian's Chromium (`apt-get install chromium`), driven against the
 * loopback host. Never `npx playwright install`: it downloads a browser, which this workplace cannot do.
 */
export const playwrightConfig = defineConfig({
  testDir: 'test/e2e/browser',
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // Two workers, a spec file each: most of a browser test's time is the film playing in real time, not CPU,
  // so two files at once on two cores took the suite from about 10 to 5.1 minutes here (57 tests, all
  // passing; `npx playwright test --workers=1` against `--workers=2`). Tests within a file stay in order.
  fullyParallel: false,
  workers: 2,
  // One retry on CI: these machines are shared and noisy. A test that needed it is reported as flaky in the
  // output, so it stays visible; locally a failure is a failure.
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  use: {
    headless: true,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
        '--autoplay-policy=no-user-gesture-required',
      ],
    },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
});

/** The same configuration as Playwright's default export. */
// Playwright reads a config file's default export and nothing else.
// eslint-disable-next-line no-restricted-exports
export default playwrightConfig;
