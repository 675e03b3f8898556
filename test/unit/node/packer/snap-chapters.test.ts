import { PackError, type PackProblem } from '../../../../src/node/packer/pack-problem';
import { snapChaptersToSegments } from '../../../../src/node/packer/pack-course';
import type { CourseManifest } from '../../../../src/common/course/manifest';

function manifestWith(chapters: { id: string; start: number; end: number }[], duration = 10): CourseManifest {
  return {
    manifestVersion: 1,
    id: 'x',
    title: 'X',
    language: 'nb',
    people: [],
    subtitles: [],
    film: { entry: 'media/index.m3u8', duration },
    chapters: chapters.map((chapter) => ({
      ...chapter,
      title: chapter.id,
      pause: true,
      statements: [],
      prompts: [],
      tips: [],
      solutions: [],
      links: [],
    })),
  };
}

describe('snapChaptersToSegments', () => {
  it('records where the film really cuts: the keyframe ffmpeg chose near each boundary', () => {
    const manifest = manifestWith([
      { id: 'a', start: 0, end: 3.5 },
      { id: 'b', start: 3.5, end: 10 },
    ]);
    const snapped = snapChaptersToSegments(manifest, [0, 2, 3.52, 5.52, 7.52]);
    expect(snapped.chapters.map(({ start, end }) => [start, end])).toEqual([
      [0, 3.52],
      [3.52, 10],
    ]);
  });

  it('refuses a chapter whose start is not a segment start', () => {
    const manifest = manifestWith([
      { id: 'a', start: 0, end: 4 },
      { id: 'b', start: 4, end: 10 },
    ]);
    let problem: PackProblem | undefined;
    try {
      snapChaptersToSegments(manifest, [0, 2, 6]);
    } catch (error) {
      if (error instanceof PackError) problem = error.problem;
    }
    expect(problem).toEqual({ kind: 'chapter-not-on-segment', chapterId: 'b', start: 4 });
  });
});
