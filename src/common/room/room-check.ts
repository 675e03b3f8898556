/**
 * The room check on the audience's screen, held by main so a reloaded audience window shows it still:
 * the test pattern on or off, and when the test tone was last asked for (the window holding the stage plays
 * it when this changes, never on load). Independent of any lecture: it is done before class.
 */
export interface RoomCheck {
  pattern: boolean;
  /** When the tone was last asked for (ms since the epoch, main's clock); null: never since start. */
  toneAt: number | null;
  /**
   * The number (as the room check counts them) of the display the stage is on, when the pattern was turned
   * on or the audience window moved; null when unknown (the browser host cannot tell).
   */
  displayNumber: number | null;
}

/** No room check under way: how main starts. */
export const ROOM_CHECK_IDLE: RoomCheck = { pattern: false, toneAt: null, displayNumber: null };
