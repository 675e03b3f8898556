import { app } from 'electron';
import { join } from 'node:path';
import { createBackend } from '../src/node/app/create-backend';
import { packageRoot } from '../src/node/app/package-root';
import { routeMediaPath } from '../src/node/media-handler';
import { startPlenum } from './start-plenum';

// The entry (package.json "main": out/main/main.js). The preload is compiled next to it; the renderer
// build lands in out/renderer. Everything below the window lives in src/node (createBackend).
startPlenum({
  createBackend: ({ platform, userDataPath, version }) => {
    const { service, media } = createBackend({
      dataDir: userDataPath,
      route: routeMediaPath,
      packageRoot: packageRoot(__dirname),
      version,
      // Media is fetched from the UI's own origin (plenum://app/media/…): Electron blocks cross-host fetches
      // within a custom scheme unless corsEnabled, which the design forbids. The path is the host's too.
      mediaBase: (handle) => `plenum://app/media/${handle}/`,
      pickFile: () => platform.pickCourseFile(),
      saveFile: (name, text) => platform.saveTextFile(name, text),
      savePdf: (name) => platform.saveFocusedAsPdf(name),
      openExternal: (url) => platform.openExternalLink(url),
      audienceWindow: platform.audienceWindow,
      room: platform.room,
    });
    return {
      dispatch: service.dispatch,
      onEvent: (listener) => service.events.on(listener),
      mediaHandler: media,
      setAudience: (presence) => service.setAudience(presence),
      close: () => service.close(),
    };
  },
  preload: join(__dirname, 'preload.js'),
  rendererRoot: join(__dirname, '..', 'renderer'),
}).catch((error: unknown) => {
  console.error('[plenum main] failed to start', error);
  app.exit(1);
});
