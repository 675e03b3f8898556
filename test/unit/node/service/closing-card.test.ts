import { join } from 'node:path';
import type { CourseRecord, Settings } from '../../../../src/common/ipc/api-types';
import type { PlenumState, UnlockedCourse } from '../../../../src/common/ipc/contract';
import { createPlenumService, type PlenumService } from '../../../../src/node/service/plenum-service';
import { openStore } from '../../../../src/node/store';
import { value, writeManifestCourse } from '../../../support/service-fixture';
import { useTempDir } from '../../../support/temp-dir';

// The end of a lecture as main holds it: "End the session" leaves an end card (the course's title) for the
// room's screen in the snapshot until anything else begins, and the evaluation address and closing message
// are settings that main checks before it stores them.

const tempDir = useTempDir();

const MANIFEST = {
  manifestVersion: 1,
  id: 'slutt',
  title: 'Slutten på filmen',
  language: 'nb',
  people: [],
  subtitles: [],
  film: { entry: 'media/index.m3u8', duration: 20 },
  chapters: [0, 1].map((index) => ({
    id: `k${index}`,
    title: `Kapittel ${index}`,
    start: index * 10,
    end: index * 10 + 10,
    pause: true,
    statements: [],
    prompts: ['Hva nå?'],
    tips: [],
    solutions: [],
    links: [],
  })),
};

const services: PlenumService[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) await service.close().catch(() => undefined);
});

/** A service with the test course unlocked, and every snapshot it broadcast. */
async function unlocked(): Promise<{
  service: PlenumService;
  course: UnlockedCourse;
  states: PlenumState[];
}> {
  const dir = tempDir();
  const path = await writeManifestCourse(dir, MANIFEST);
  const service = createPlenumService({
    store: openStore(join(dir, 'plenum.sqlite')),
    version: '0.1.0',
    demo: null,
    mediaBase: (handle) => `/media/${handle}/`,
  });
  services.push(service);
  const states: PlenumState[] = [];
  service.events.on((name, payload) => {
    if (name === 'state') states.push(payload as PlenumState);
  });
  const entry = value<CourseRecord>(await service.dispatch('library.add', { path }));
  const course = value<UnlockedCourse>(
    await service.dispatch('course.unlock', { id: entry.id, password: 'riktig' }),
  );
  return { service, course, states };
}

describe('the end card', () => {
  it('is set by ending a lecture, in the same snapshot that ends it, and cleared by the next session', async () => {
    const { service, course, states } = await unlocked();
    expect(service.state().closing).toBeNull();
    value(await service.dispatch('session.begin', { handle: course.handle, kind: 'lecture', view: 'film' }));
    expect(service.state().closing).toBeNull();

    const before = states.length;
    value(await service.dispatch('session.end', {}));
    const ended = states.slice(before);
    // Every snapshot the end sent already carries the card: the room never sees the waiting screen.
    expect(ended.length).toBeGreaterThan(0);
    for (const state of ended) {
      expect(state.session).toBeNull();
      expect(state.closing).toEqual({ handle: course.handle, courseTitle: 'Slutten på filmen' });
    }
    expect(service.state().closing).toEqual({ handle: course.handle, courseTitle: 'Slutten på filmen' });

    value(await service.dispatch('session.begin', { handle: course.handle, kind: 'lecture', view: 'film' }));
    expect(service.state().closing).toBeNull();
    expect(states.at(-1)?.closing).toBeNull();
  });

  it('is cleared when the course is locked', async () => {
    const { service, course, states } = await unlocked();
    value(
      await service.dispatch('session.begin', { handle: course.handle, kind: 'lecture', view: 'presenter' }),
    );
    value(await service.dispatch('session.end', {}));
    expect(service.state().closing?.handle).toBe(course.handle);
    value(await service.dispatch('course.lock', { handle: course.handle }));
    expect(service.state().closing).toBeNull();
    expect(states.at(-1)?.closing).toBeNull();
  });

  it('is not left by a rehearsal, nor by an end with no session running', async () => {
    const { service, course } = await unlocked();
    value(
      await service.dispatch('session.begin', {
        handle: course.handle,
        kind: 'rehearsal',
        view: 'presenter',
      }),
    );
    value(await service.dispatch('session.end', {}));
    expect(service.state().closing).toBeNull();

    const refused = await service.dispatch('session.end', {});
    expect(refused).toEqual({ ok: false, error: { code: 'no-session' } });
    expect(service.state().closing).toBeNull();
  });

  it('keeps the earlier card when ending fails', async () => {
    const { service, course } = await unlocked();
    value(await service.dispatch('session.begin', { handle: course.handle, kind: 'lecture', view: 'film' }));
    value(await service.dispatch('session.end', {}));
    const card = service.state().closing;
    expect(card).not.toBeNull();
    expect(await service.dispatch('session.end', {})).toEqual({ ok: false, error: { code: 'no-session' } });
    expect(service.state().closing).toEqual(card);
  });
});

describe('the evaluation settings through the service', () => {
  it('stores an https address and a closing message, and every window gets them', async () => {
    const { service, states } = await unlocked();
    const settings = value<Settings>(
      await service.dispatch('settings.update', {
        evaluationUrl: 'https://nettskjema.no/a/123456',
        closingMessage: 'Takk for i dag!',
      }),
    );
    expect(settings.evaluationUrl).toBe('https://nettskjema.no/a/123456');
    expect(settings.closingMessage).toBe('Takk for i dag!');
    expect(states.at(-1)?.settings.evaluationUrl).toBe('https://nettskjema.no/a/123456');
    expect(
      value<Settings>(await service.dispatch('settings.update', { evaluationUrl: null })).evaluationUrl,
    ).toBeNull();
  });

  it.each([
    ['plain http', 'http://nettskjema.no/a/1'],
    ['a script', 'javascript:alert(1)'],
    ['no host', 'https://'],
    ['a space in the host', 'https://nett skjema.no/'],
    ['a local name', 'https://localhost/evaluering'],
    ['too long', `https://nettskjema.no/${'a'.repeat(200)}`],
    ['not text', 42],
  ])(
    'refuses an evaluation address that is %s, with invalid-arguments, and keeps the stored one',
    async (_, url) => {
      const { service } = await unlocked();
      value(await service.dispatch('settings.update', { evaluationUrl: 'https://nettskjema.no/a/1' }));
      const refused = await service.dispatch('settings.update', { evaluationUrl: url });
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'invalid-arguments', channel: 'settings.update' },
      });
      expect(service.state().settings.evaluationUrl).toBe('https://nettskjema.no/a/1');
    },
  );

  it('refuses a closing message that is empty or too long', async () => {
    const { service } = await unlocked();
    for (const closingMessage of ['   ', 'x'.repeat(201)]) {
      const refused = await service.dispatch('settings.update', { closingMessage });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    }
    expect(service.state().settings.closingMessage).toBeNull();
  });
});
