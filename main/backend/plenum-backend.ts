import type { ApiResult } from '../../src/common/ipc/api-error';
import type { AudiencePresence } from '../../src/common/ipc/contract';
import type { DisplayCheck } from '../../src/common/room/display-check';

/**
 * What main needs from the application (src/node/service plus the media handler), and nothing more.
 * main/ codes against this port so it compiles and is tested before, and independently of, the service.
 */
export interface PlenumBackend {
  /** Validates the arguments (zod, from API_CONTRACT) and runs the use case; never throws. */
  dispatch(channel: string, args: unknown): Promise<ApiResult<unknown>>;
  /** Every event the backend emits (names from API_EVENTS); returns an unsubscribe. */
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
  /** Serves `plenum://app/media/<handle>/<entry>` (with Range, HEAD, no-store) from the unlocked course. */
  mediaHandler(request: Request): Promise<Response>;
  /** Main says whether an audience window shows the stage (opened, closed, display unplugged). */
  setAudience(presence: AudiencePresence): void;
  /** Locks every course and closes the store when the app quits. */
  close?(): Promise<void> | void;
}

/** Opens and closes the native audience window (the `stage.audience` channel); placement is main's. */
export interface AudienceWindowControl {
  show(): void;
  hide(): void;
}

/** The displays for the room check (the `room.displays`, `room.identify` and `room.audienceTo` channels). */
export interface RoomDisplayControl {
  check(): DisplayCheck;
  identify(): DisplayCheck;
  audienceTo(displayId: number): DisplayCheck;
}

/**
 * What only Electron can do, handed to the backend for the `library.pickFile`, `sessions.export`,
 * `handout.savePdf`, `shell.openLink` and `stage.audience` channels.
 */
export interface ElectronPlatform {
  /** The native open dialog for `.plenum` files; null when cancelled. */
  pickCourseFile(): Promise<string | null>;
  /** The native save dialog, then the text written there (whole or not at all); false when cancelled. */
  saveTextFile(suggestedName: string, text: string): Promise<boolean>;
  /**
   * The native save dialog, then the focused window (the handout the lecturer clicked "Save as PDF" in)
   * printed to an A4 PDF and written there, whole or not at all; false when cancelled.
   */
  saveFocusedAsPdf(suggestedName: string): Promise<boolean>;
  /** Opens an https link in the system browser (anything else is refused here too). */
  openExternalLink(url: string): Promise<void>;
  /**
   * The audience window. The backend is built before any window exists, so this delegates to the manager
   * once the composition root has made it.
   */
  audienceWindow: AudienceWindowControl;
  /** The room check's displays; delegates to main's adapter once the windows exist, like `audienceWindow`. */
  room: RoomDisplayControl;
}

/** What the backend factory is given by the composition root. */
export interface BackendContext {
  platform: ElectronPlatform;
  /** `app.getPath('userData')`: where the store lives. */
  userDataPath: string;
  /** `app.getVersion()`, for `app.info`. */
  version: string;
  /** Whether the native file dialog exists (always true in Electron; false in the loopback host). */
  canPickFiles: true;
}

/** Builds the backend once Electron is ready (the composition root's only dependency on src/node). */
export type CreateBackend = (context: BackendContext) => PlenumBackend | Promise<PlenumBackend>;
