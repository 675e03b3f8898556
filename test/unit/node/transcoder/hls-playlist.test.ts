import { buildMediaPlaylist } from '../../../../src/node/transcoder/hls-playlist';

test('writes a version 7 VOD playlist with a map, exact durations and no key', () => {
  const playlist = buildMediaPlaylist({
    initUri: 'init.mp4',
    segments: [
      { uri: 'seg-0.m4s', durationSeconds: 2 },
      { uri: 'seg-1.m4s', durationSeconds: 1.52 },
      { uri: 'seg-2.m4s', durationSeconds: 2.48 },
      { uri: 'seg-3.m4s', durationSeconds: 1 / 24 },
    ],
  });
  expect(playlist).toBe(
    [
      '#EXTM3U',
      '#EXT-X-VERSION:7',
      '#EXT-X-TARGETDURATION:3',
      '#EXT-X-MEDIA-SEQUENCE:0',
      '#EXT-X-PLAYLIST-TYPE:VOD',
      '#EXT-X-INDEPENDENT-SEGMENTS',
      '#EXT-X-MAP:URI="init.mp4"',
      '#EXTINF:2.000,',
      'seg-0.m4s',
      '#EXTINF:1.520,',
      'seg-1.m4s',
      '#EXTINF:2.480,',
      'seg-2.m4s',
      '#EXTINF:0.041667,',
      'seg-3.m4s',
      '#EXT-X-ENDLIST',
      '',
    ].join('\n'),
  );
  expect(playlist).not.toContain('EXT-X-KEY');
});

test('the target duration is the longest segment rounded up, ignoring float noise', () => {
  const target = (durations: number[]): string | undefined =>
    /#EXT-X-TARGETDURATION:(\d+)/.exec(
      buildMediaPlaylist({
        initUri: 'i',
        segments: durations.map((d, i) => ({ uri: `s${i}`, durationSeconds: d })),
      }),
    )?.[1];
  expect(target([2, 0.1 + 0.2 + 1.7])).toBe('2');
  expect(target([2.0001])).toBe('3');
  expect(target([0.2])).toBe('1');
});

test('refuses what would make a broken playlist', () => {
  expect(() => buildMediaPlaylist({ initUri: 'i', segments: [] })).toThrow(RangeError);
  expect(() => buildMediaPlaylist({ initUri: 'a"b', segments: [{ uri: 's', durationSeconds: 1 }] })).toThrow(
    RangeError,
  );
  expect(() =>
    buildMediaPlaylist({ initUri: 'i', segments: [{ uri: 's\n#EXT-X-KEY', durationSeconds: 1 }] }),
  ).toThrow(RangeError);
  expect(() => buildMediaPlaylist({ initUri: 'i', segments: [{ uri: 's', durationSeconds: 0 }] })).toThrow(
    RangeError,
  );
  expect(() =>
    buildMediaPlaylist({ initUri: 'i', segments: [{ uri: 's', durationSeconds: Number.NaN }] }),
  ).toThrow(RangeError);
});
