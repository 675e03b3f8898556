import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { outsideAsar } from '../transcoder/asar-path';
import { findMediaTools } from '../transcoder/ffmpeg-binaries';
import { startTool } from '../transcoder/tool-process';
import { filterWithOptions } from './filtergraph-escape';
import { FRAME_CODE_BITS, FRAME_CODE_CELLS, frameCodeLayout } from './frame-code';

/** A chapter of the demo film: its title card text and its span in seconds. */
export interface DemoChapter {
  title: string;
  start: number;
  end: number;
}

/** What makeDemoFilm draws; only `out`, `chapters` and `durationSeconds` are required. */
export interface DemoFilmOptions {
  /** Where the MP4 goes; written as `<out>.partial` and renamed when complete. */
  out: string;
  chapters: readonly DemoChapter[];
  durationSeconds: number;
  width?: number;
  height?: number;
  /** Whole frames per second (the timecode counts frames). */
  fps?: number;
  /** Text of the neutral card shown outside chapters; none by default (the card is plain grey). */
  gapTitle?: string;
  /**
   * `aac` (the default): H.264 + AAC in MP4, a film like any other. `pcm`: uncompressed sound in a
   * QuickTime file, for a film that only goes to the packer, which encodes the sound anyway: the 2018
   * ffmpeg's AAC encoder was over half the CPU of making the demo film.
   */
  sound?: 'aac' | 'pcm';
  signal?: AbortSignal;
  onProgress?: (seconds: number) => void;
}

/** Background colours of chapters 0, 1, 2, ...: dark enough for white text, far apart from each other. */
export const CHAPTER_COLOURS = [
  '0x1f4e8c',
  '0x8c2f1f',
  '0x2f7a3a',
  '0x6b3a8c',
  '0x1f7a7a',
  '0x8c6a1f',
] as const;

/** The neutral card's background, shown before the first chapter and between chapters. */
export const GAP_COLOUR = '0x505050';

/** The tone of chapter `index` in Hz, so a test can tell by ear (or FFT) whose sound is playing. */
export function chapterToneHz(index: number): number {
  return 300 + 100 * index;
}

/** Graphs longer than this go to ffmpeg in a file: Windows limits a whole command line to 32767 chars. */
export const FILTER_SCRIPT_THRESHOLD = 4000;

/**
 * Makes a synthetic film from ffmpeg's lavfi sources in one command: per chapter a background colour, a
 * large centred title and a sine tone of chapterToneHz(index); a neutral grey card elsewhere; a running
 * timecode (mm:ss.ff); and the frame number burnt in as a row of boxes (see frame-code.ts).
 * H.264 (ultrafast) + AAC in MP4, or + PCM in QuickTime (`sound`). The DejaVu Sans font comes from npm, so
 * no system font is needed.
 */
export async function makeDemoFilm(options: DemoFilmOptions): Promise<void> {
  const command = buildDemoFilmCommand(options);
  const tools = findMediaTools();
  const out = resolve(options.out);
  const partial = `${out}.partial`;
  let scriptDir: string | undefined;
  try {
    let graphArgs = ['-filter_complex', command.graph];
    if (command.graph.length > FILTER_SCRIPT_THRESHOLD) {
      scriptDir = await mkdtemp(join(tmpdir(), 'plenum-demo-'));
      const script = join(scriptDir, 'graph.txt');
      await writeFile(script, command.graph, 'utf8');
      graphArgs = ['-filter_complex_script', script];
    }
    const args = [
      ['-hide_banner', '-nostdin', '-nostats', '-loglevel', 'error', '-progress', 'pipe:2', '-y'],
      graphArgs,
      ['-map', '[v]', '-map', '[a]', '-t', String(options.durationSeconds)],
      ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'],
      soundArguments(options.sound ?? 'aac'),
      ['-ar', '48000', '-ac', '2'],
      ['-f', options.sound === 'pcm' ? 'mov' : 'mp4', `file:${partial}`],
    ].flat();
    const run = startTool(tools.ffmpeg, args, { signal: options.signal, onProgress: options.onProgress });
    run.stdout.resume(); // nothing comes out there, but an unread pipe must never block ffmpeg
    await run.done;
    await rename(partial, out);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    if (scriptDir !== undefined) await rm(scriptDir, { recursive: true, force: true });
  }
}

function soundArguments(sound: 'aac' | 'pcm'): string[] {
  switch (sound) {
    case 'aac':
      return ['-c:a', 'aac', '-b:a', '128k'];
    case 'pcm':
      return ['-c:a', 'pcm_s16le'];
  }
}

/** One stretch of the film's timeline: a chapter (its index in the caller's list) or the neutral card. */
interface Stretch {
  chapter: number | null;
  startFrame: number;
  endFrame: number;
}

/** The demo film's audio rate. */
const SAMPLE_RATE = 48000;

/**
 * The demo film's filtergraph (outputs [v] and [a]); exported so tests can check the escaping and size.
 * The timeline is cut into stretches (each chapter, each gap), each drawn by its own constant source (a
 * colour card with its title, a sine tone or silence) and joined with concat; only the timecode and the
 * frame number are drawn per frame over the joined picture. Full-frame boxes switched on by `enable` and
 * one sound expression summing every chapter's tone cost 2.3 times as much CPU (measured in
 * docs/media-pipeline.md), which on the full-length film was minutes.
 */
export function buildDemoFilmCommand(options: DemoFilmOptions): { graph: string } {
  const width = options.width ?? 640;
  const height = options.height ?? 360;
  const fps = options.fps ?? 25;
  validate(options, width, height, fps);
  const font = outsideAsar(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
  const boldFont = outsideAsar(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'));
  // The frame number, from the frame's time rather than the filters' `n`: timeline `n` counts from 1 in some
  // ffmpeg versions and from 0 in others, while t = pts / fps is exact for the joined constant-rate sources.
  const frame = `trunc(t*${fps}+0.5)`;

  const title = (text: string): string =>
    filterWithOptions('drawtext', {
      fontfile: boldFont,
      text,
      expansion: 'none',
      fontsize: titleFontSize(text, width, height),
      fontcolor: 'white',
      shadowcolor: 'black@0.6',
      shadowx: 2,
      shadowy: 2,
      x: '(w-text_w)/2',
      y: '(h-text_h)/2',
    });
  const stretches = timeline(options, fps);
  const pictures = stretches.map((stretch, index) => {
    const chapter = stretch.chapter === null ? undefined : options.chapters[stretch.chapter];
    const colour =
      stretch.chapter === null
        ? GAP_COLOUR
        : (CHAPTER_COLOURS[stretch.chapter % CHAPTER_COLOURS.length] ?? GAP_COLOUR);
    const text = chapter?.title ?? options.gapTitle ?? '';
    const filters = [
      filterWithOptions('color', { c: colour, s: `${width}x${height}`, r: fps }),
      filterWithOptions('trim', { end_frame: stretch.endFrame - stretch.startFrame }),
      ...(text === '' ? [] : [title(text)]),
    ];
    return `${filters.join(',')}[p${index}]`;
  });
  const sounds = stretches.map((stretch, index) => {
    const samplesAt = (frame: number): number => Math.round((frame * SAMPLE_RATE) / fps);
    const samples = samplesAt(stretch.endFrame) - samplesAt(stretch.startFrame);
    // sine's amplitude is 1/8 of full scale; volume=2 makes it the quarter the tests and the ear expect.
    const filters =
      stretch.chapter === null
        ? [filterWithOptions('anullsrc', { r: SAMPLE_RATE, cl: 'stereo' })]
        : [
            filterWithOptions('sine', {
              frequency: chapterToneHz(stretch.chapter),
              sample_rate: SAMPLE_RATE,
            }),
            filterWithOptions('volume', { volume: 2 }),
            filterWithOptions('pan', { args: 'stereo|c0=c0|c1=c0' }),
          ];
    filters.push(filterWithOptions('atrim', { end_sample: samples }));
    return `${filters.join(',')}[s${index}]`;
  });
  const joined = (prefix: string, kind: 'v' | 'a'): string =>
    `${stretches.map((_, index) => `[${prefix}${index}]`).join('')}` +
    filterWithOptions('concat', { n: stretches.length, v: kind === 'v' ? 1 : 0, a: kind === 'a' ? 1 : 0 });

  const video: string[] = [joined('p', 'v')];
  // mm:ss.ff from the frame number (eif's third argument zero-pads), so it names exactly the frame shown.
  const timecode = [
    `%{eif:trunc(${frame}/${fps * 60}):d:2}`,
    `%{eif:mod(trunc(${frame}/${fps}),60):d:2}`,
    `%{eif:mod(${frame},${fps}):d:2}`,
  ];
  video.push(
    filterWithOptions('drawtext', {
      fontfile: font,
      text: `${timecode[0]}:${timecode[1]}.${timecode[2]}`,
      fontsize: Math.max(10, Math.round(height / 14)),
      fontcolor: 'white',
      box: 1,
      boxcolor: 'black@0.6',
      boxborderw: Math.max(2, Math.round(height / 90)),
      x: Math.round(height / 30),
      y: Math.round(height / 30),
    }),
  );
  const { x, y, cell, pad } = frameCodeLayout(width, height);
  const box = (left: number, top: number, w: number, h: number, color: string, enable?: string): string =>
    filterWithOptions('drawbox', {
      x: left,
      y: top,
      w,
      h,
      color,
      t: 'fill',
      ...(enable === undefined ? {} : { enable }),
    });
  video.push(box(x - pad, y - pad, FRAME_CODE_CELLS * cell + 2 * pad, cell + 2 * pad, 'black')); // backing, end marker
  video.push(box(x, y, cell, cell, 'white')); // start marker
  for (let bit = 0; bit < FRAME_CODE_BITS; bit++) {
    video.push(box(x + (bit + 1) * cell, y, cell, cell, 'white', `mod(trunc(${frame}/${2 ** bit}),2)`));
  }

  const graph = [
    ...pictures,
    ...sounds,
    `${video.join(',')},format=yuv420p[v]`,
    `${joined('s', 'a')}[a]`,
  ].join(';');
  return { graph };
}

/**
 * The film cut into chapters and the gaps around them, in time order and in whole frames: chapters are
 * placed by frame number (the rounding the packer's cut times use), and each tone starts and stops with
 * its chapter's first and last frame.
 */
function timeline(options: DemoFilmOptions, fps: number): Stretch[] {
  const frameOf = (seconds: number): number => Math.round(seconds * fps);
  // ffmpeg's -t keeps every frame that starts before the end, so a partial last frame counts.
  const lastFrame = Math.ceil(options.durationSeconds * fps - 1e-9);
  const order = options.chapters
    .map((chapter, index) => ({ chapter, index }))
    .sort((a, b) => a.chapter.start - b.chapter.start);
  const stretches: Stretch[] = [];
  let frame = 0;
  const push = (chapter: number | null, endFrame: number): void => {
    if (endFrame <= frame) return;
    stretches.push({ chapter, startFrame: frame, endFrame });
    frame = endFrame;
  };
  for (const { chapter, index } of order) {
    push(null, frameOf(chapter.start));
    push(index, frameOf(chapter.end));
  }
  push(null, lastFrame);
  return stretches;
}

/**
 * An eighth of the height, shrunk for long titles so they fit 90 % of the width. drawtext cannot size text
 * to fit by itself; DejaVu Sans Bold's characters average about 0.62 em wide, which is close enough here.
 */
function titleFontSize(text: string, width: number, height: number): number {
  const characters = Math.max(1, [...text].length);
  return Math.max(8, Math.round(Math.min(height / 8, (0.9 * width) / (0.62 * characters))));
}

function validate(options: DemoFilmOptions, width: number, height: number, fps: number): void {
  const { durationSeconds, chapters } = options;
  if (!(Number.isFinite(durationSeconds) && durationSeconds > 0)) {
    throw new RangeError(`durationSeconds must be positive, got ${durationSeconds}`);
  }
  if (!Number.isInteger(fps) || fps < 1 || fps > 120)
    throw new RangeError(`fps must be a whole number, got ${fps}`);
  if (
    !Number.isInteger(width) ||
    !Number.isInteger(height) ||
    width % 2 ||
    height % 2 ||
    width < 96 ||
    height < 54
  ) {
    throw new RangeError(`size must be even and at least 96x54, got ${width}x${height}`);
  }
  if (durationSeconds * fps >= 2 ** FRAME_CODE_BITS) {
    throw new RangeError(`at most ${2 ** FRAME_CODE_BITS} frames fit the burnt-in frame number`);
  }
  for (const chapter of chapters) {
    if (!(chapter.start >= 0 && chapter.end > chapter.start && chapter.end <= durationSeconds)) {
      throw new RangeError(
        `chapter "${chapter.title}" (${chapter.start}-${chapter.end}) is not inside the film`,
      );
    }
    // Each stretch of the timeline has one picture and one tone, so chapters may touch but not overlap.
    // Compared in whole frames, as they are drawn: 13 * 0.2 + 0.2 and 14 * 0.2 only differ in float.
    const frameOf = (seconds: number): number => Math.round(seconds * fps);
    const overlapping = chapters.find(
      (other) =>
        other !== chapter &&
        frameOf(other.start) < frameOf(chapter.end) &&
        frameOf(chapter.start) < frameOf(other.end),
    );
    if (overlapping !== undefined) {
      throw new RangeError(`chapters "${chapter.title}" and "${overlapping.title}" overlap`);
    }
  }
}
