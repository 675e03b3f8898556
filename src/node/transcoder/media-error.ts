/** Why a media operation failed; callers switch on it to pick a message (the text itself is for logs). */
export type MediaErrorCode =
  | 'not-found' // the input path does not exist
  | 'unreadable' // it exists but cannot be read (permissions, a folder, I/O error)
  | 'not-media' // ffprobe cannot make sense of it: not a film at all
  | 'no-duration' // ffprobe opens it, but neither the container nor its packets tell how long it runs
  | 'no-video' // a media file without a (moving) picture, such as a sound file or a still image
  | 'tool-missing' // neither the bundled nor a system ffmpeg/ffprobe could be found or started
  | 'failed' // the tool ran and failed; `details` carries its last stderr lines
  | 'aborted'; // the caller's AbortSignal fired

/** A typed failure from the media pipeline (probe, transcode, demo film). */
export class MediaError extends Error {
  override readonly name = 'MediaError';

  constructor(
    readonly code: MediaErrorCode,
    message: string,
    /** The tool's last stderr lines, kept apart from `message` so a UI can show or hide them. */
    readonly details: readonly string[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
