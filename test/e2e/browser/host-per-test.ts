import { test } from '@playwright/test';
import { ensureDemoCourse, startPlenumHost, type PlenumHost } from './plenum-host';

/**
 * A host (and data directory) per test, for a spec file: main keeps a course unlocked and continues the
 * unfinished session of a kind, so on a shared host a test would start inside the last one's lecture. Builds
 * the short demo first if it is missing. Returns the running test's host (its fields read the current one).
 */
export function useHostPerTest(): PlenumHost {
  let current: PlenumHost | undefined;
  const running = (): PlenumHost => {
    if (current === undefined) throw new Error('no host: useHostPerTest serves inside a test only');
    return current;
  };
  test.beforeAll(() => {
    // Building the short demo on a fresh machine takes a while; it is done once per worker.
    test.setTimeout(360_000);
    ensureDemoCourse();
  });
  test.beforeEach(async () => {
    current = await startPlenumHost();
  });
  test.afterEach(async () => {
    await current?.stop();
    current = undefined;
  });
  return {
    get url() {
      return running().url;
    },
    get origin() {
      return running().origin;
    },
    get dataDir() {
      return running().dataDir;
    },
    stop: () => running().stop(),
    kill: () => running().kill(),
  };
}
