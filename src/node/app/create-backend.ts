import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createMediaHandler, type MediaRouter } from '../media-handler';
import { demoCoursePath } from '../demo/build-demo-course';
import { DEMO_PASSWORD } from '../demo/demo-variants';
import { createPlenumService, type PlenumService, type ServiceDeps } from '../service/plenum-service';
import { openStore } from '../store';

/** The pieces main and the loopback host both need: the service and its media handler, over one store. */
export interface Backend {
  service: PlenumService;
  media: (request: Request) => Promise<Response>;
}

/** How to build the backend; the host-specific parts (media URLs, dialogs, links) come from the caller. */
export interface BackendOptions extends Omit<ServiceDeps, 'store' | 'demo'> {
  dataDir: string;
  route: MediaRouter;
  /** The demo course file; by default the full demo if it was built, else the short one. */
  demoPath?: string | null;
  packageRoot: string;
}

/** Picks the demo course file to offer: the full-length one when built, else the short one, else none. */
export function findDemoCourse(packageRoot: string): string | null {
  const outDir = join(packageRoot, 'out', 'demo');
  for (const variant of ['full', 'short'] as const) {
    const path = demoCoursePath(outDir, variant);
    if (existsSync(path)) return path;
  }
  return null;
}

/** Composes store, service and media handler (a composition root shared by main and the host). */
export function createBackend(options: BackendOptions): Backend {
  const { dataDir, route, demoPath, packageRoot, ...deps } = options;
  const store = openStore(join(dataDir, 'plenum.sqlite'));
  const demo = demoPath === undefined ? findDemoCourse(packageRoot) : demoPath;
  const service = createPlenumService({
    ...deps,
    store,
    demo: demo ? { path: demo, password: DEMO_PASSWORD } : null,
  });
  const media = createMediaHandler({ resolve: (handle) => service.resolveCourse(handle), route });
  return { service, media };
}
