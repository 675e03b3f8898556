/*
 * A minimal ISO BMFF (MP4) box reader, hand-written on purpose: we need four header fields from a dozen box
 * types, and the JavaScript MP4 libraries (mp4box.js and friends) are browser-first, parse whole files, and
 * would be a large dependency for about a hundred lines. Box layouts are from ISO/IEC 14496-12.
 */
import { Mp4FormatError } from './mp4-format-error';

/** A box found inside a buffer: its four-character type and byte offsets. */
export interface BoxRef {
  type: string;
  /** Offset of the box header. */
  start: number;
  /** Offset of the first byte after the header (the payload). */
  payload: number;
  /** Offset just past the box. */
  end: number;
}

/** Size of an 8-byte box header; a header with a 64-bit `largesize` is 16 bytes. */
export const BOX_HEADER_BYTES = 8;

/**
 * Reads a box header at `offset`: the total size (resolving `largesize`) and the header length.
 * Returns undefined when fewer bytes than the header are available. Size 0 ("runs to the end of the file")
 * is refused: in a stream nobody knows where that is.
 */
export function readBoxHeader(
  data: Uint8Array,
  offset: number,
): { type: string; size: number; headerSize: number } | undefined {
  if (data.length - offset < BOX_HEADER_BYTES) return undefined;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const size32 = view.getUint32(offset);
  const type = String.fromCharCode(...data.subarray(offset + 4, offset + 8));
  if (size32 === 0) throw new Mp4FormatError('unbounded-box', `box '${type}' has size 0 (to end of file)`);
  if (size32 !== 1) {
    if (size32 < BOX_HEADER_BYTES)
      throw new Mp4FormatError('bad-box-size', `box '${type}' has size ${size32}`);
    return { type, size: size32, headerSize: BOX_HEADER_BYTES };
  }
  if (data.length - offset < 16) return undefined;
  const large = view.getBigUint64(offset + 8);
  if (large < 16n || large > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new Mp4FormatError('bad-box-size', `box '${type}' has largesize ${large}`);
  }
  return { type, size: Number(large), headerSize: 16 };
}

/** The child boxes between `start` and `end` of a complete buffer; throws if one runs past `end`. */
export function childBoxes(data: Buffer, start: number, end: number): BoxRef[] {
  const boxes: BoxRef[] = [];
  let offset = start;
  while (offset < end) {
    const header = readBoxHeader(data.subarray(0, end), offset);
    if (header === undefined || offset + header.size > end) {
      throw new Mp4FormatError('bad-box-size', `a box inside bytes ${start}..${end} runs past its parent`);
    }
    boxes.push({
      type: header.type,
      start: offset,
      payload: offset + header.headerSize,
      end: offset + header.size,
    });
    offset += header.size;
  }
  return boxes;
}

/** What the splitter needs to know about one track from the moov box. */
export interface TrackInfo {
  trackId: number;
  /** The hdlr handler type: 'vide', 'soun', 'subt', ... */
  handler: string;
  /** Ticks per second of the track's media timeline (mdhd). */
  timescale: number;
  /** trex default_sample_duration, the last fallback for a trun without durations. */
  defaultSampleDuration: number;
}

/** Reads track ids, handlers, timescales and trex defaults from a complete moov box. */
export function parseMoov(moov: Buffer): TrackInfo[] {
  const root = boxAt(moov);
  const tracks: TrackInfo[] = [];
  const trexDurations = new Map<number, number>();
  for (const box of childBoxes(moov, root.payload, root.end)) {
    if (box.type === 'trak') tracks.push(parseTrak(moov, box));
    if (box.type === 'mvex') {
      for (const trex of childBoxes(moov, box.payload, box.end).filter((b) => b.type === 'trex')) {
        // trex: version/flags, track_ID, default_sample_description_index, default_sample_duration, ...
        need(trex, 20);
        trexDurations.set(moov.readUInt32BE(trex.payload + 4), moov.readUInt32BE(trex.payload + 12));
      }
    }
  }
  return tracks.map((t) => ({ ...t, defaultSampleDuration: trexDurations.get(t.trackId) ?? 0 }));
}

function parseTrak(data: Buffer, trak: BoxRef): TrackInfo {
  let trackId: number | undefined;
  let handler: string | undefined;
  let timescale: number | undefined;
  for (const box of childBoxes(data, trak.payload, trak.end)) {
    if (box.type === 'tkhd') {
      // tkhd v0: version/flags, creation(4), modification(4), track_ID; v1 has 8-byte times.
      need(box, 4);
      const version = data.readUInt8(box.payload);
      const at = box.payload + (version === 1 ? 20 : 12);
      need(box, at + 4 - box.payload);
      trackId = data.readUInt32BE(at);
    }
    if (box.type !== 'mdia') continue;
    for (const inner of childBoxes(data, box.payload, box.end)) {
      if (inner.type === 'mdhd') {
        // mdhd v0: version/flags, creation(4), modification(4), timescale; v1 has 8-byte times.
        need(inner, 4);
        const version = data.readUInt8(inner.payload);
        const at = inner.payload + (version === 1 ? 20 : 12);
        need(inner, at + 4 - inner.payload);
        timescale = data.readUInt32BE(at);
      }
      if (inner.type === 'hdlr') {
        // hdlr: version/flags, pre_defined(4), handler_type(4).
        need(inner, 12);
        handler = data.toString('latin1', inner.payload + 8, inner.payload + 12);
      }
    }
  }
  if (trackId === undefined || handler === undefined || timescale === undefined || timescale === 0) {
    throw new Mp4FormatError('missing-box', 'a trak lacks tkhd, mdhd or hdlr (or has a zero timescale)');
  }
  return { trackId, handler, timescale, defaultSampleDuration: 0 };
}

/** One track's part of a movie fragment: where it starts and how long its samples last, in track ticks. */
export interface TrackFragment {
  trackId: number;
  /** tfdt baseMediaDecodeTime, or undefined if the traf has no tfdt. */
  baseMediaDecodeTime: number | undefined;
  /** Sum of the sample durations in all truns, or undefined when no duration is given anywhere. */
  duration: number | undefined;
}

/** Reads each traf of a complete moof box. */
export function parseMoof(moof: Buffer, tracks: readonly TrackInfo[]): TrackFragment[] {
  const root = boxAt(moof);
  const fragments: TrackFragment[] = [];
  for (const traf of childBoxes(moof, root.payload, root.end).filter((b) => b.type === 'traf')) {
    let trackId: number | undefined;
    let tfhdDuration: number | undefined;
    let baseMediaDecodeTime: number | undefined;
    const truns: BoxRef[] = [];
    for (const box of childBoxes(moof, traf.payload, traf.end)) {
      if (box.type === 'tfhd') {
        // tfhd: version/flags, track_ID, then optional fields in flag order.
        need(box, 8);
        const flags = moof.readUInt32BE(box.payload) & 0xffffff;
        trackId = moof.readUInt32BE(box.payload + 4);
        let at = box.payload + 8;
        if (flags & 0x01) at += 8; // base_data_offset
        if (flags & 0x02) at += 4; // sample_description_index
        if (flags & 0x08) {
          need(box, at + 4 - box.payload);
          tfhdDuration = moof.readUInt32BE(at);
        }
      } else if (box.type === 'tfdt') {
        need(box, 4);
        const version = moof.readUInt8(box.payload);
        need(box, version === 1 ? 12 : 8);
        baseMediaDecodeTime =
          version === 1 ? Number(moof.readBigUInt64BE(box.payload + 4)) : moof.readUInt32BE(box.payload + 4);
      } else if (box.type === 'trun') {
        truns.push(box);
      }
    }
    if (trackId === undefined) throw new Mp4FormatError('missing-box', 'a traf without tfhd');
    const id = trackId;
    const fallback = tfhdDuration ?? tracks.find((t) => t.trackId === id)?.defaultSampleDuration;
    let duration: number | undefined;
    for (const trun of truns) {
      const d = trunDuration(moof, trun, fallback);
      if (d !== undefined) duration = (duration ?? 0) + d;
    }
    fragments.push({ trackId, baseMediaDecodeTime, duration });
  }
  return fragments;
}

/** Sums a trun's sample durations: per sample (flag 0x100) or count x the default. */
function trunDuration(data: Buffer, trun: BoxRef, fallback: number | undefined): number | undefined {
  need(trun, 8);
  const flags = data.readUInt32BE(trun.payload) & 0xffffff;
  const count = data.readUInt32BE(trun.payload + 4);
  if (!(flags & 0x100)) return fallback === undefined || fallback === 0 ? undefined : count * fallback;
  let at = trun.payload + 8;
  if (flags & 0x01) at += 4; // data_offset
  if (flags & 0x04) at += 4; // first_sample_flags
  const perSample = [0x100, 0x200, 0x400, 0x800].filter((bit) => flags & bit).length * 4;
  need(trun, at - trun.payload + count * perSample);
  let total = 0;
  for (let i = 0; i < count; i++, at += perSample) total += data.readUInt32BE(at);
  return total;
}

function boxAt(data: Buffer): BoxRef {
  const header = readBoxHeader(data, 0);
  if (header === undefined || header.size !== data.length) {
    throw new Mp4FormatError('bad-box-size', 'expected exactly one complete box');
  }
  return { type: header.type, start: 0, payload: header.headerSize, end: header.size };
}

/** Guards a fixed-layout read: the payload must hold `bytes` bytes. */
function need(box: BoxRef, bytes: number): void {
  if (box.end - box.payload < bytes) {
    throw new Mp4FormatError(
      'bad-box-size',
      `box '${box.type}' is too short (${box.end - box.payload} < ${bytes})`,
    );
  }
}
