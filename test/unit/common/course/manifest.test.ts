import { courseManifestSchema } from '../../../../src/common/course/manifest';
import type { CourseManifest } from '../../../../src/common/course/manifest';

const manifest: CourseManifest = {
  manifestVersion: 1,
  id: 'demo',
  title: 'Demo',
  language: 'nb',
  people: [{ id: 'rune', name: 'Rune' }],
  subtitles: [{ language: 'nb', label: 'Norsk', entry: 'subs/nb.vtt' }],
  film: { entry: 'media/index.m3u8', duration: 120 },
  chapters: [
    {
      id: 'one',
      title: 'One',
      start: 0,
      end: 60,
      pause: true,
      statements: [{ start: 10, end: 20, speaker: 'rune', label: 'Hi' }],
      prompts: ['Why?'],
      tips: [],
      solutions: [],
      links: [{ label: 'More', url: 'https://example.org' }],
    },
  ],
};

describe('courseManifestSchema', () => {
  test('accepts a normalised manifest', () => {
    expect(courseManifestSchema.parse(manifest)).toEqual(manifest);
  });

  test('strips fields it does not know, so a newer packer does not lock out an older app', () => {
    expect(courseManifestSchema.parse({ ...manifest, addedLater: true })).toEqual(manifest);
  });

  test('accepts a chapter still, and a manifest packed before stills existed (without one)', () => {
    const withStill = { ...manifest, chapters: [{ ...manifest.chapters[0]!, still: 'stills/one.jpg' }] };
    expect(courseManifestSchema.parse(withStill).chapters[0]?.still).toBe('stills/one.jpg');
    expect(courseManifestSchema.parse(manifest).chapters[0]?.still).toBeUndefined();
  });

  test.each([
    ['a still climbing out', { ...manifest, chapters: [{ ...manifest.chapters[0], still: '../x.jpg' }] }],
    ['another manifest version', { ...manifest, manifestVersion: 2 }],
    ['no chapters', { ...manifest, chapters: [] }],
    ['an id with capitals', { ...manifest, id: 'Demo' }],
    ['a chapter ending before it starts', { ...manifest, chapters: [{ ...manifest.chapters[0], end: 0 }] }],
    [
      'an http link',
      { ...manifest, chapters: [{ ...manifest.chapters[0], links: [{ label: 'x', url: 'http://x' }] }] },
    ],
    [
      'an entry climbing out',
      { ...manifest, subtitles: [{ language: 'nb', label: 'N', entry: '../nb.vtt' }] },
    ],
    ['a film without duration', { ...manifest, film: { entry: 'media/index.m3u8', duration: 0 } }],
  ])('refuses %s', (_what, value) => {
    expect(courseManifestSchema.safeParse(value).success).toBe(false);
  });
});
