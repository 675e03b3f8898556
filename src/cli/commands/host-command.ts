import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Translate } from '../../common/i18n/translator';
import { createBackend } from '../../node/app/create-backend';
import { defaultDataDir } from '../../node/app/data-dir';
import { packageRoot } from '../../node/app/package-root';
import { startHost } from '../../node/host/start-host';
import { routeHostPath } from '../../node/media-handler';
import { StoreError } from '../../node/store';
import { CliFailure } from '../cli-failure';
import { EXIT, type CliIo } from '../cli-io';

/** The options `plenum host` takes. */
export interface HostCommandOptions {
  course?: string;
  demo?: string;
  dataDir?: string;
  port: number;
}

/**
 * `plenum host`: serves the app on 127.0.0.1 for a browser (where no Electron binary exists, and for the
 * browser tests). Prints the URL, token included, as the first line; runs until interrupted.
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
  let backend;
  try {
    backend = createBackend({
      dataDir: resolve(io.cwd, options.dataDir ?? defaultDataDir(io.env)),
      route: routeHostPath,
      packageRoot: root,
      ...(options.demo ? { demoPath: resolve(io.cwd, options.demo) } : {}),
      version,
      mediaBase: (handle) => `/media/${handle}/`,
    });
  } catch (error) {
    if (error instanceof StoreError)
      throw new CliFailure(t('cli:host.storeFailed', { kind: error.problem.kind }), EXIT.failed);
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
    await service.dispatch('library.add', { path });
    url = `${url}&course=${encodeURIComponent(path)}`;
  }
  io.stdout.write(`${url}\n`);
  io.stderr.write(`${t('cli:host.running')}\n`);
  await new Promise<void>((done) => {
    if (signal.aborted) done();
    else signal.addEventListener('abort', () => done(), { once: true });
  });
  await host.close();
  await service.close();
  return EXIT.ok;
}
