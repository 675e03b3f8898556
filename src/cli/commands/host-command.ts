import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Translate } from '../../common/i18n/translator';
import type { CourseRecord } from '../../common/ipc/api-types';
import { createBackend } from '../../node/app/create-backend';
import { defaultDataDir } from '../../node/app/data-dir';
import { packageRoot } from '../../node/app/package-root';
import { startHost } from '../../node/host/start-host';
import { routeMediaPath } from '../../node/media-handler';
import { StoreError } from '../../node/store';
import { CliFailure } from '../cli-failure';
import { EXIT, type CliIo } from '../cli-io';
import {
  findChromium,
  hasDisplay,
  needsNoSandbox,
  openInChromium,
  removeStaleProfiles,
  type ChromiumApp,
} from '../chromium-app';

/** The options `plenum host` takes. */
export interface HostCommandOptions {
  course?: string;
  demo?: string;
  dataDir?: string;
  port: number;
  /** Open the app in a Chromium window too (what `npm start` asks for where Electron cannot run). */
  open?: boolean;
}

/**
 * `plenum host`: serves the app on 127.0.0.1 for a browser (where no Electron binary exists, and for the
 * browser tests). Prints the URL, token included, as the first line; runs until interrupted, also when the
 * `--open` window is closed: the terminal, not the window, is the host's lifetime, so an audience page in
 * another browser keeps working and a window that failed to start leaves a working address behind.
 */
export async function hostCommand(
  options: HostCommandOptions,
  io: CliIo,
  t: Translate,
  signal: AbortSignal,
  version: string,
): Promise<number> {
  const root = packageRoot();
  const rendererDir = join(root, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) throw new CliFailure(t('cli:host.notBuilt'), EXIT.failed);
  const dataDir = resolve(io.cwd, options.dataDir ?? defaultDataDir(io.env));
  let backend;
  try {
    backend = createBackend({
      dataDir,
      route: routeMediaPath,
      packageRoot: root,
      ...(options.demo ? { demoPath: resolve(io.cwd, options.demo) } : {}),
      version,
      mediaBase: (handle) => `/media/${handle}/`,
    });
  } catch (error) {
    if (error instanceof StoreError) {
      const { problem } = error;
      const path = problem.kind === 'newer-version' ? dataDir : problem.path;
      const reason = t(`app:errors.store.${problem.kind}`);
      throw new CliFailure(t('cli:host.storeFailed', { path, reason }), EXIT.failed);
    }
    throw error;
  }
  const { service, media } = backend;
  const host = await startHost({
    backend: {
      dispatch: service.dispatch,
      onEvent: (listener) => service.events.on(listener),
      media,
      setAudience: service.setAudience,
    },
    rendererDir,
    port: options.port,
  });
  let url = host.url;
  if (options.course) {
    const path = resolve(io.cwd, options.course);
    const added = await service.dispatch('library.add', { path });
    // The page names the entry by its library id (a window never hands main a path to open).
    if (added.ok) url = `${url}&course=${(added.value as CourseRecord).id}`;
  }
  io.stdout.write(`${url}\n`);
  io.stderr.write(`${t('cli:host.running')}\n`);
  const window = options.open && !signal.aborted ? await openAppWindow(url, io, t, signal) : null;
  await new Promise<void>((done) => {
    if (signal.aborted) done();
    else signal.addEventListener('abort', () => done(), { once: true });
  });
  if (window) await window.close();
  await host.close();
  await service.close();
  return EXIT.ok;
}

/**
 * Opens the host's address in a Chromium app window when there is a display and a Chromium, saying why
 * not otherwise; reports when the window closes or fails, while the host keeps serving.
 */
async function openAppWindow(
  url: string,
  io: CliIo,
  t: Translate,
  signal: AbortSignal,
): Promise<ChromiumApp | null> {
  if (!hasDisplay(io.env, process.platform)) {
    io.stderr.write(`${t('cli:host.noDisplay', { url })}\n`);
    return null;
  }
  const chromium = findChromium();
  if (chromium === null) {
    io.stderr.write(`${t('cli:host.noChromium', { url })}\n`);
    return null;
  }
  const uid = process.getuid?.();
  if (needsNoSandbox(uid)) io.stderr.write(`${t('cli:host.noSandbox')}\n`);
  // Profiles left by a host that was killed outright go now, before this window makes its own.
  await removeStaleProfiles({ uid });
  const app = await openInChromium({ chromium, url, uid });
  io.stderr.write(`${t('cli:host.openedChromium')}\n`);
  let closing = false;
  void app.exited.then((exit) => {
    if (!exit.profileRemoved) io.stderr.write(`${t('cli:host.profileLeft', { path: app.profileDir })}\n`);
    // Ctrl-C in the terminal reaches Chromium too; that is the host stopping, not a window closed.
    if (closing || signal.aborted) return;
    if (exit.kind === 'closed') {
      io.stderr.write(`${t('cli:host.chromiumClosed', { url })}\n`);
      return;
    }
    const reason = exit.signal ?? String(exit.code);
    const detail = exit.stderrTail.split('\n').slice(-3).join('\n');
    io.stderr.write(
      `${t('cli:host.chromiumFailed', { reason, url })}\n${detail === '' ? '' : `${detail}\n`}`,
    );
  });
  return {
    ...app,
    close: () => {
      closing = true;
      return app.close();
    },
  };
}
