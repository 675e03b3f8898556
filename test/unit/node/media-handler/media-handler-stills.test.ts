import { unlockCourseFile, type UnlockedCourseFile } from '../../../../src/node/course-file';
import { createMediaHandler, routeMediaPath } from '../../../../src/node/media-handler';
import { stillEntry } from '../../../../src/node/packer/chapter-stills';
import { writeFixture } from '../../../support/course-file-fixture';
import { useTempDir } from '../../../support/temp-dir';
import { ffmpeg } from '../transcoder/media-fixtures';
import { bodyOf, newHandle } from './media-handler-fixture';

const tempDir = useTempDir();

let jpeg: Buffer;
let file: UnlockedCourseFile;

beforeAll(async () => {
  // A real JPEG, made on a pipe the way the packer makes its stills.
  jpeg = await ffmpeg([
    ...['-f', 'lavfi', '-i', 'testsrc=size=480x270:rate=25:duration=1', '-frames:v', '1'],
    ...['-c:v', 'mjpeg', '-q:v', '4', '-f', 'image2pipe', 'pipe:1'],
  ]);
});

beforeEach(async () => {
  const path = await writeFixture(tempDir(), [[stillEntry('kapittel-1'), jpeg]]);
  file = await unlockCourseFile(path, 'riktig passord');
});

afterEach(async () => {
  await file.close();
});

describe.each([
  ['the plenum scheme', (handle: string, entry: string) => `plenum://app/media/${handle}/${entry}`],
  ['the loopback host', (handle: string, entry: string) => `http://127.0.0.1:43117/media/${handle}/${entry}`],
])('a chapter still through %s', (_label, urlOf) => {
  it('is served whole as image/jpeg, so an <img> shows it', async () => {
    const handle = newHandle();
    const handler = createMediaHandler({
      resolve: (asked) => (asked === handle ? file : undefined),
      route: routeMediaPath,
    });
    const response = await handler(new Request(urlOf(handle, stillEntry('kapittel-1'))));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const body = await bodyOf(response);
    expect(body.equals(jpeg)).toBe(true);
    expect([...body.subarray(0, 2)]).toEqual([0xff, 0xd8]);
  });
});
