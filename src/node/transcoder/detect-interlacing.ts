import { resolve } from 'node:path';
import { findMediaTools } from './ffmpeg-binaries';
import { startTool, type ToolOptions } from './tool-process';

/** Frames idet looks at: two seconds of a 30 fps film, a moment's decoding. */
export const IDET_SAMPLE_FRAMES = 60;

/** What ffmpeg's idet filter concluded about a stretch of frames. */
export interface IdetVerdict {
  topFieldFirst: number;
  bottomFieldFirst: number;
  progressive: number;
  undetermined: number;
}

/**
 * Looks at the picture itself for interlacing, for films whose stream does not say so: an editor's export
 * flagged progressive that still carries two fields per frame, or a codec without field flags (VP9, MPEG-4).
 * ffmpeg's idet filter judges IDET_SAMPLE_FRAMES frames from `atSeconds` on (a film's middle: its first
 * seconds are often a still title). Interlaced when most judged frames show combing and enough of them do
 * (a sample with little motion says nothing either way, and is taken as progressive: deinterlacing a
 * progressive film would cost it sharpness for nothing).
 */
export async function looksInterlaced(
  path: string,
  streamIndex: number,
  atSeconds: number,
  options: Pick<ToolOptions, 'signal'> = {},
): Promise<boolean> {
  const verdict = await runIdet(path, streamIndex, atSeconds, options);
  if (verdict === undefined) return false;
  const fields = verdict.topFieldFirst + verdict.bottomFieldFirst;
  return fields >= IDET_SAMPLE_FRAMES / 6 && fields > 2 * verdict.progressive;
}

/** idet's multi-frame verdict over the sample, or undefined when ffmpeg gave none. */
export async function runIdet(
  path: string,
  streamIndex: number,
  atSeconds: number,
  options: Pick<ToolOptions, 'signal'> = {},
): Promise<IdetVerdict | undefined> {
  const run = startTool(
    findMediaTools().ffmpeg,
    [
      ...['-hide_banner', '-nostdin', '-nostats', '-loglevel', 'info'],
      ...['-ss', String(Math.max(0, Number(atSeconds.toFixed(3)))), '-i', `file:${resolve(path)}`],
      ...['-map', `0:${streamIndex}`, '-vf', 'idet', '-frames:v', String(IDET_SAMPLE_FRAMES)],
      ...['-an', '-sn', '-dn', '-f', 'null', '-'],
    ],
    options,
  );
  run.stdout.resume(); // nothing comes out there, but an unread pipe must never block ffmpeg
  await run.done;
  // idet reports when it is freed, at the very end, so its lines are in the kept tail.
  for (const line of run.stderrTail()) {
    const match =
      /Multi frame detection: TFF:\s*(\d+)\s+BFF:\s*(\d+)\s+Progressive:\s*(\d+)\s+Undetermined:\s*(\d+)/.exec(
        line,
      );
    if (match !== null) {
      return {
        topFieldFirst: Number(match[1]),
        bottomFieldFirst: Number(match[2]),
        progressive: Number(match[3]),
        undetermined: Number(match[4]),
      };
    }
  }
  return undefined;
}
