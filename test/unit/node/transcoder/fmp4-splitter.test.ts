import fc from 'fast-check';
import type { FilmPart } from '../../../../src/node/transcoder/film-part';
import { splitFragmentedMp4 } from '../../../../src/node/transcoder/fmp4-splitter';
import { Mp4FormatError, type Mp4FormatProblem } from '../../../../src/node/transcoder/mp4-format-error';
import { ffmpeg, tinyFragmentedMp4 } from './media-fixtures';

let film: Buffer;
let expected: FilmPart[];

beforeAll(async () => {
  // 2 s at 25 fps with keyframes at 0 and 1 s: init + two fragments, each with a video and an audio traf.
  film = await tinyFragmentedMp4({ seconds: 2, keyframes: '0,1' });
  expected = await collect(chunked(film, [film.length]));
});

async function* chunked(data: Buffer, sizes: readonly number[]): AsyncGenerator<Buffer> {
  let offset = 0;
  for (const size of sizes) {
    yield data.subarray(offset, offset + size);
    offset += size;
  }
  if (offset < data.length) yield data.subarray(offset);
}

async function collect(chunks: AsyncIterable<Buffer>, maxBoxBytes?: number): Promise<FilmPart[]> {
  const parts: FilmPart[] = [];
  for await (const part of splitFragmentedMp4(chunks, maxBoxBytes === undefined ? {} : { maxBoxBytes })) {
    parts.push(part);
  }
  return parts;
}

/** Buffer-aware comparison: Jest's deep equality walks Buffers byte by byte and would dominate the run time. */
function sameParts(actual: readonly FilmPart[], wanted: readonly FilmPart[]): boolean {
  return (
    actual.length === wanted.length &&
    actual.every((part, i) => {
      const other = wanted[i];
      if (other === undefined || part.kind !== other.kind || !part.data.equals(other.data)) return false;
      return (
        part.kind === 'init' ||
        (other.kind === 'segment' &&
          part.startSeconds === other.startSeconds &&
          part.durationSeconds === other.durationSeconds)
      );
    })
  );
}

async function problem(data: Buffer, maxBoxBytes?: number): Promise<Mp4FormatProblem> {
  try {
    await collect(chunked(data, [data.length]), maxBoxBytes);
  } catch (error) {
    if (error instanceof Mp4FormatError) return error.problem;
    throw error;
  }
  throw new Error('expected an Mp4FormatError');
}

/** Top-level boxes of a buffer as [type, start, size]. */
function topBoxes(data: Buffer): Array<[string, number, number]> {
  const boxes: Array<[string, number, number]> = [];
  for (let at = 0; at < data.length;) {
    const size = data.readUInt32BE(at);
    boxes.push([data.toString('latin1', at + 4, at + 8), at, size]);
    at += size;
  }
  return boxes;
}

function boxOf(data: Buffer, type: string, nth = 0): [number, number] {
  const found = topBoxes(data).filter(([t]) => t === type)[nth];
  if (found === undefined) throw new Error(`no ${type} #${nth}`);
  return [found[1], found[2]];
}

test('yields the init segment, then one segment per fragment with tfdt start and trun duration', () => {
  expect(expected.map((p) => p.kind)).toEqual(['init', 'segment', 'segment']);
  const [init, first, second] = expected;
  expect(init?.data.toString('latin1', 4, 8)).toBe('ftyp');
  expect(topBoxes(init!.data).map(([t]) => t)).toEqual(['ftyp', 'moov']);
  expect(first).toMatchObject({ kind: 'segment', startSeconds: 0, durationSeconds: 1 });
  expect(second).toMatchObject({ kind: 'segment', startSeconds: 1, durationSeconds: 1 });
  for (const part of expected.slice(1)) expect(topBoxes(part.data).map(([t]) => t)).toEqual(['moof', 'mdat']);
  // Everything but the trailing mfra index is kept, byte for byte and in order.
  const [mfraAt] = boxOf(film, 'mfra');
  expect(Buffer.concat(expected.map((p) => p.data)).equals(film.subarray(0, mfraAt))).toBe(true);
});

test('gives the same parts however the stream is cut in two', async () => {
  for (let cut = 1; cut < film.length; cut++) {
    if (!sameParts(await collect(chunked(film, [cut])), expected)) {
      throw new Error(`different parts when the stream is cut at byte ${cut}`);
    }
  }
});

test('gives the same parts from one-byte chunks and from random chunking', async () => {
  expect(sameParts(await collect(chunked(film, new Array<number>(film.length).fill(1))), expected)).toBe(
    true,
  );
  await fc.assert(
    fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: 40 }), async (sizes) => {
      expect(sameParts(await collect(chunked(film, sizes)), expected)).toBe(true);
    }),
    { numRuns: 100 },
  );
});

test('reads 64-bit largesize box headers', async () => {
  // Rewrite the first mdat with a 16-byte header (size = 1, then the 64-bit size).
  const [at, size] = boxOf(film, 'mdat');
  const header = Buffer.alloc(16);
  header.writeUInt32BE(1, 0);
  header.write('mdat', 4, 'latin1');
  header.writeBigUInt64BE(BigInt(size + 8), 8);
  const rewritten = Buffer.concat([film.subarray(0, at), header, film.subarray(at + 8)]);
  const parts = await collect(chunked(rewritten, [at + 3, 9]));
  expect(parts.map((p) => p.kind)).toEqual(['init', 'segment', 'segment']);
  expect(parts[1]).toMatchObject({ startSeconds: 0, durationSeconds: 1 });
  expect(parts[1]?.data.subarray(-size - 8).equals(rewritten.subarray(at, at + size + 8))).toBe(true);
});

test('keeps styp/sidx/prft boxes with the fragment that follows them', async () => {
  const [moofAt] = boxOf(film, 'moof', 1);
  const styp = Buffer.from('00000010' + Buffer.from('stypmsdh').toString('hex') + '00000000', 'hex');
  const parts = await collect(
    chunked(Buffer.concat([film.subarray(0, moofAt), styp, film.subarray(moofAt)]), [5]),
  );
  expect(topBoxes(parts[2]!.data).map(([t]) => t)).toEqual(['styp', 'moof', 'mdat']);
  expect(parts[1]?.data.equals(expected[1]!.data)).toBe(true);
});

test('rejects malformed input with a typed problem', async () => {
  const [moovAt, moovSize] = boxOf(film, 'moov');
  const [mdatAt] = boxOf(film, 'mdat');
  expect(await problem(film.subarray(0, mdatAt + 100))).toBe<Mp4FormatProblem>('truncated');
  expect(await problem(film.subarray(0, 5))).toBe<Mp4FormatProblem>('truncated');
  expect(await problem(film.subarray(0, mdatAt))).toBe<Mp4FormatProblem>('truncated'); // moof without mdat
  expect(await problem(Buffer.alloc(0))).toBe<Mp4FormatProblem>('missing-moov');
  expect(await problem(Buffer.concat([film.subarray(0, moovAt), film.subarray(moovAt + moovSize)]))).toBe(
    'missing-moov',
  );
  const tiny = Buffer.from(film);
  tiny.writeUInt32BE(4, 0);
  expect(await problem(tiny)).toBe<Mp4FormatProblem>('bad-box-size');
  const unbounded = Buffer.from(film);
  unbounded.writeUInt32BE(0, 0);
  expect(await problem(unbounded)).toBe<Mp4FormatProblem>('unbounded-box');
  expect(await problem(film, 1000)).toBe<Mp4FormatProblem>('box-too-large');
  const stray = Buffer.concat([film.subarray(0, mdatAt), film.subarray(mdatAt), film.subarray(mdatAt)]);
  expect(await problem(stray)).toBe<Mp4FormatProblem>('unexpected-box');
});

test('rejects a film without a video track', async () => {
  const soundOnly = await ffmpeg([
    ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=1', '-c:a', 'aac'],
    ...['-f', 'mp4', '-movflags', 'frag_keyframe+empty_moov+default_base_moof', 'pipe:1'],
  ]);
  expect(await problem(soundOnly)).toBe<Mp4FormatProblem>('no-video-track');
});

test('stopping early releases the source', async () => {
  let released = false;
  async function* source(): AsyncGenerator<Buffer> {
    try {
      for (let at = 0; at < film.length; at += 1000) yield film.subarray(at, at + 1000);
    } finally {
      released = true;
    }
  }
  for await (const part of splitFragmentedMp4(source())) {
    expect(part.kind).toBe('init');
    break;
  }
  expect(released).toBe(true);
});

test('drops a trailing mfra whose size is 0 ("to end of file"), as ffmpeg writes it to a pipe on long films', async () => {
  // Seen on the full-length demo: 959 segments, then an mfra ffmpeg could not go back and size.
  const [mfraAt] = boxOf(film, 'mfra');
  const unsized = Buffer.from(film);
  unsized.writeUInt32BE(0, mfraAt);
  for (const sizes of [[unsized.length], [mfraAt + 3], [mfraAt, 5, 1]]) {
    expect(sameParts(await collect(chunked(unsized, sizes)), expected)).toBe(true);
  }
  // Any other box of size 0 is still refused: a stream cannot honour "to end of file" for a fragment.
  const [moofAt] = boxOf(film, 'moof');
  const unboundedMoof = Buffer.from(film);
  unboundedMoof.writeUInt32BE(0, moofAt);
  expect(await problem(unboundedMoof)).toBe<Mp4FormatProblem>('unbounded-box');
});
