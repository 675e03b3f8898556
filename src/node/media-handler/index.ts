/** The media handler's public surface: serving unlocked course files' entries to the player by URL. */
export {
  createMediaHandler,
  type MediaHandler,
  type MediaHandlerOptions,
  type ServableCourseFile,
} from './media-handler';
export { routeMediaPath, isMediaHandle, type MediaRoute, type MediaRouter } from './media-route';
