import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CourseManifest } from '../../src/common/course/manifest';
import type { OpenCourse } from '../../src/node/service/course-registry';
import { SessionRunner } from '../../src/node/service/session-runner';
import { openStore, type Store } from '../../src/node/store';
import { since, spread } from './measure';

// What saving the session costs: one save (a small transaction: the state row and every chapter's times)
// against a baseline measured in the same run (one note saved, the smallest commit the store makes), a
// command with its save, and how many saves a minute of playback causes (playhead reported every 500 ms).

const ROUNDS = 5;
const SAVES = 400;

function manifest(): CourseManifest {
  const chapters = Array.from({ length: 8 }, (_, index) => ({
    id: `kapittel-${index}`,
    title: `Kapittel ${index + 1}`,
    start: index * 240,
    end: index * 240 + 239.96,
    pause: true,
    statements: [],
    prompts: ['Hva skjer her?', 'Hva ville du gjort?', 'Hva sier loven?'],
    tips: [],
    solutions: [],
    links: [],
  }));
  return {
    manifestVersion: 1,
    id: 'bench',
    title: 'Benk',
    language: 'nb',
    people: [],
    subtitles: [],
    film: { entry: 'media/index.m3u8', duration: 1912 },
    chapters,
  };
}

/** The runner reads a course's handle, manifest and plan only; no course file is opened here. */
function course(): OpenCourse {
  return { handle: 'b'.repeat(32), plan: null, manifest: manifest() } as unknown as OpenCourse;
}

async function withRunner<T>(
  run: (runner: SessionRunner, store: Store, counted: { saves: number }) => T | Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'plenum-session-bench-'));
  const store = openStore(join(dir, 'plenum.sqlite'));
  const counted = { saves: 0 };
  const save = store.saveSession.bind(store);
  store.saveSession = (...args) => {
    counted.saves += 1;
    return save(...args);
  };
  const runner = new SessionRunner({
    store,
    now: Date.now,
    onChange: () => undefined,
    onPosition: () => undefined,
  });
  try {
    runner.begin({ course: course(), kind: 'lecture', view: 'presenter', fresh: false, promptMode: 'one' });
    return await run(runner, store, counted);
  } finally {
    runner.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function perSave(): Promise<{ save: number[]; note: number[]; command: number[] }> {
  const save: number[] = [];
  const note: number[] = [];
  const command: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    await withRunner((runner, store) => {
      // Every chapter reached once, so each save writes eight timing rows as a real session's would.
      for (let chapter = 0; chapter < 8; chapter++) {
        runner.command({ type: 'go-to-chapter', chapter });
        runner.command({ type: 'play' });
      }
      const session = runner.running()!;
      const snapshot = {
        view: session.view,
        lecture: session.lecture,
        position: 100,
        clockMs: 60_000,
        clockRunning: true,
        savedAt: Date.now(),
      };
      let start = performance.now();
      for (let i = 0; i < SAVES; i++)
        store.saveSession(session.id, { ...snapshot, position: i }, session.timings);
      save.push((since(start) * 1000) / SAVES);
      start = performance.now();
      for (let i = 0; i < SAVES; i++)
        store.saveNote({ courseId: 'bench', chapterId: 'kapittel-0', scope: 'private', text: `notat ${i}` });
      note.push((since(start) * 1000) / SAVES);
      start = performance.now();
      for (let i = 0; i < SAVES; i++) runner.command({ type: i % 2 === 0 ? 'blank' : 'unblank' });
      command.push((since(start) * 1000) / SAVES);
    });
  }
  return { save, note, command };
}

async function playbackRate(seconds: number): Promise<{ saves: number; reports: number }> {
  return withRunner(async (runner, _store, counted) => {
    runner.command({ type: 'play' });
    const before = counted.saves;
    let reports = 0;
    const started = performance.now();
    await new Promise<void>((done) => {
      const timer = setInterval(() => {
        runner.position(since(started) / 1000);
        reports += 1;
        if (since(started) >= seconds * 1000) {
          clearInterval(timer);
          done();
        }
      }, 500);
    });
    return { saves: counted.saves - before, reports };
  });
}

async function main(): Promise<void> {
  const { save, note, command } = await perSave();
  const ratios = save.map((value, index) => value / (note[index] ?? value));
  console.log(`session save (state + 8 chapter times), µs min/median/max: ${spread(save)}`);
  console.log(`baseline, one note saved (one row), µs min/median/max:      ${spread(note)}`);
  console.log(`ratio session save / note save, min/median/max:              ${spread(ratios, 2)}`);
  console.log(`command + save + snapshot (blank/unblank), µs:               ${spread(command)}`);
  const playback = await playbackRate(15);
  console.log(
    `15 s of playback: ${playback.reports} playhead reports, ${playback.saves} saves ` +
      `(${((playback.saves * 60) / 15).toFixed(1)} saves a minute)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
