import type { FilmPart } from './film-part';
import { parseMoof, parseMoov, readBoxHeader } from './mp4-boxes';
import type { TrackInfo } from './mp4-boxes';
import { Mp4FormatError } from './mp4-format-error';

/**
 * The largest top-level box the splitter will hold. A fragment of a 2-second 1080p segment is a few MB;
 * this only stops a corrupt size field from making us allocate gigabytes.
 */
export const DEFAULT_MAX_BOX_BYTES = 256 * 1024 * 1024;

/** Boxes that may sit between fragments and belong to the segment of the moof that follows them. */
const SEGMENT_PREFIX_BOXES = new Set(['styp', 'sidx', 'ssix', 'prft', 'emsg', 'free', 'skip']);

/**
 * Splits a fragmented MP4 byte stream (chunked any way at all) into the init segment and one media segment
 * per fragment, as they arrive. Layout expected (what ffmpeg writes with
 * `-movflags frag_keyframe+empty_moov+default_base_moof`): boxes up to and including moov form the init
 * segment; then each fragment is [styp|sidx|prft|emsg|free]* moof mdat. A trailing mfra (a random-access
 * index of the whole file, whose offsets mean nothing per segment) is dropped, as is any other box after
 * the last fragment.
 *
 * Durations are not resolved late: each segment is yielded as soon as its mdat is complete, with
 * `durationSeconds` summed from the video trun sample durations, so at most one fragment (plus one box
 * header) is ever buffered. Throws Mp4FormatError on malformed input.
 */
export async function* splitFragmentedMp4(
  chunks: AsyncIterable<Uint8Array>,
  options: { maxBoxBytes?: number } = {},
): AsyncGenerator<FilmPart, void, undefined> {
  const maxBoxBytes = options.maxBoxBytes ?? DEFAULT_MAX_BOX_BYTES;
  const input = new BoxReader(chunks[Symbol.asyncIterator](), maxBoxBytes);
  const initBoxes: Buffer[] = [];
  let video: TrackInfo | undefined;
  let pending: Buffer[] = []; // prefix boxes waiting for their moof
  let pendingBytes = 0;
  let fragment: { boxes: Buffer[]; startSeconds: number; durationSeconds: number } | undefined;

  try {
    for (;;) {
      const box = await input.next();
      if (box === undefined) break;
      if (video === undefined) {
        if (box.type === 'moof' || box.type === 'mdat') {
          throw new Mp4FormatError('missing-moov', `'${box.type}' before the moov box`);
        }
        initBoxes.push(box.data);
        if (box.type !== 'moov') continue;
        video = parseMoov(box.data).find((t) => t.handler === 'vide');
        if (video === undefined) throw new Mp4FormatError('no-video-track', 'the moov has no video track');
        yield { kind: 'init', data: Buffer.concat(initBoxes) };
        initBoxes.length = 0;
        continue;
      }
      switch (box.type) {
        case 'moof':
          if (fragment !== undefined) throw new Mp4FormatError('truncated', 'a moof without its mdat');
          fragment = { boxes: [...pending, box.data], ...fragmentTiming(box.data, video) };
          pending = [];
          pendingBytes = 0;
          break;
        case 'mdat': {
          if (fragment === undefined) throw new Mp4FormatError('unexpected-box', 'an mdat without a moof');
          const { boxes, startSeconds, durationSeconds } = fragment;
          fragment = undefined;
          boxes.push(box.data);
          yield { kind: 'segment', data: Buffer.concat(boxes), startSeconds, durationSeconds };
          break;
        }
        case 'moov':
        case 'ftyp':
          throw new Mp4FormatError('unexpected-box', `a second '${box.type}' after the init segment`);
        case 'mfra':
          break;
        default:
          if (!SEGMENT_PREFIX_BOXES.has(box.type)) break; // unknown top-level boxes are not ours to keep
          pendingBytes += box.data.length;
          if (pendingBytes > maxBoxBytes)
            throw new Mp4FormatError('box-too-large', 'too many boxes before a moof');
          pending.push(box.data);
      }
    }
    if (video === undefined) throw new Mp4FormatError('missing-moov', 'the stream ended before a moov box');
    if (fragment !== undefined)
      throw new Mp4FormatError('truncated', 'the stream ended after a moof without mdat');
  } finally {
    // Stopping early (or failing) must release the source, e.g. so an ffmpeg pipe is closed.
    await input.close();
  }
}

function fragmentTiming(moof: Buffer, video: TrackInfo): { startSeconds: number; durationSeconds: number } {
  const traf = parseMoof(moof, [video]).find((t) => t.trackId === video.trackId);
  if (traf === undefined) throw new Mp4FormatError('bad-fragment', 'a fragment without the video track');
  if (traf.baseMediaDecodeTime === undefined)
    throw new Mp4FormatError('bad-fragment', 'a video traf without tfdt');
  if (traf.duration === undefined)
    throw new Mp4FormatError('bad-fragment', 'a video traf without sample durations');
  return {
    startSeconds: traf.baseMediaDecodeTime / video.timescale,
    durationSeconds: traf.duration / video.timescale,
  };
}

/**
 * Pulls chunks until one whole top-level box is buffered, then hands it out as one Buffer. Chunks are kept
 * as a list and joined once per box, so a box split over many small chunks costs one copy.
 */
class BoxReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private ended = false;

  constructor(
    private readonly source: AsyncIterator<Uint8Array>,
    private readonly maxBoxBytes: number,
  ) {}

  /** The next complete box, or undefined at a clean end of stream. */
  async next(): Promise<{ type: string; data: Buffer } | undefined> {
    if (!(await this.fill(8))) {
      if (this.buffered === 0) return undefined;
      throw new Mp4FormatError('truncated', `the stream ended inside a box header (${this.buffered} bytes)`);
    }
    const start = this.peek(8);
    if (start.readUInt32BE(0) === 0 && start.toString('latin1', 4, 8) === 'mfra') {
      // ffmpeg writing to a pipe cannot go back to fill in its trailing index's size, so it leaves 0 ("to end
      // of file"). That index means nothing inside a segment: read the rest of the stream and drop it.
      await this.drain();
      return undefined;
    }
    let header = readBoxHeader(this.peek(16), 0);
    if (header === undefined) {
      // A 64-bit largesize header is 16 bytes.
      if (!(await this.fill(16)))
        throw new Mp4FormatError('truncated', 'the stream ended inside a box header');
      header = readBoxHeader(this.peek(16), 0);
    }
    if (header === undefined) throw new Mp4FormatError('truncated', 'the stream ended inside a box header');
    if (header.size > this.maxBoxBytes) {
      throw new Mp4FormatError('box-too-large', `box '${header.type}' is ${header.size} bytes`);
    }
    if (!(await this.fill(header.size))) {
      throw new Mp4FormatError('truncated', `the stream ended inside box '${header.type}'`);
    }
    return { type: header.type, data: this.take(header.size) };
  }

  async close(): Promise<void> {
    if (!this.ended) {
      this.ended = true;
      await this.source.return?.();
    }
  }

  /** Reads and discards everything left in the source. */
  private async drain(): Promise<void> {
    this.chunks = [];
    this.buffered = 0;
    while (!this.ended) {
      const result = await this.source.next();
      if (result.done === true) this.ended = true;
    }
  }

  /** Reads until `bytes` are buffered; false if the source ends first. */
  private async fill(bytes: number): Promise<boolean> {
    while (this.buffered < bytes) {
      if (this.ended) return false;
      const result = await this.source.next();
      if (result.done === true) {
        this.ended = true;
        return false;
      }
      const chunk = Buffer.isBuffer(result.value) ? result.value : Buffer.from(result.value);
      if (chunk.length === 0) continue;
      this.chunks.push(chunk);
      this.buffered += chunk.length;
    }
    return true;
  }

  /** Up to `bytes` from the front without consuming them (joins only the chunks needed). */
  private peek(bytes: number): Buffer {
    const first = this.chunks[0];
    if (first !== undefined && first.length >= Math.min(bytes, this.buffered))
      return first.subarray(0, bytes);
    return Buffer.concat(this.chunks).subarray(0, bytes);
  }

  private take(bytes: number): Buffer {
    const joined = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks);
    const box = joined.subarray(0, bytes);
    const rest = joined.subarray(bytes);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
    return box;
  }
}
