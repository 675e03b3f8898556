import { join } from 'node:path';
import type { ApiResult } from '../../../../src/common/ipc/api-error';
import type { PlenumState } from '../../../../src/common/ipc/contract';
import { checkDisplays, type DisplayCheck, type RoomLayout } from '../../../../src/common/room/display-check';
import type { RoomCheck } from '../../../../src/common/room/room-check';
import { createPlenumService, type PlenumService } from '../../../../src/node/service/plenum-service';
import type { RoomDisplays } from '../../../../src/node/service/service-context';
import { openStore } from '../../../../src/node/store';
import { value } from '../../../support/service-fixture';
import { useTempDir } from '../../../support/temp-dir';

// The room check through the service: the displays are main's (a stand-in here, judged by the real
// checkDisplays), the test pattern and tone are the snapshot's, so every window and a reload see them.

const tempDir = useTempDir();
const services: PlenumService[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) await service.close().catch(() => undefined);
});

const rect = (x: number, width: number, height: number) => ({ x, y: 0, width, height });
const laptop = {
  id: 1,
  bounds: rect(0, 1920, 1080),
  workArea: rect(0, 1920, 1040),
  internal: true,
  label: '',
  scaleFactor: 2,
};
const projector = {
  id: 2,
  bounds: rect(1920, 1280, 720),
  workArea: rect(1920, 1280, 720),
  label: 'EPSON',
  scaleFactor: 1,
};

/** Main's displays as a stand-in: a layout the test sets, the audience window moved by audienceTo. */
function fakeRoom(layout: RoomLayout): RoomDisplays & { layout: RoomLayout; identified: number } {
  const room = {
    layout,
    identified: 0,
    check: (): DisplayCheck => checkDisplays(room.layout),
    identify: (): DisplayCheck => {
      room.identified += 1;
      return room.check();
    },
    audienceTo: (displayId: number): DisplayCheck => {
      room.layout = { ...room.layout, audienceId: displayId };
      return room.check();
    },
  };
  return room;
}

function start(room?: RoomDisplays, now?: () => number): { service: PlenumService; states: PlenumState[] } {
  const dir = tempDir();
  const service = createPlenumService({
    store: openStore(join(dir, 'plenum.sqlite')),
    version: '0.1.0',
    demo: null,
    mediaBase: (handle) => `/media/${handle}/`,
    ...(room === undefined ? {} : { room }),
    ...(now === undefined ? {} : { now }),
  });
  services.push(service);
  const states: PlenumState[] = [];
  service.events.on((name, payload) => {
    if (name === 'state') states.push(payload as PlenumState);
  });
  return { service, states };
}

const errorOf = (result: ApiResult<unknown>) => (result.ok ? null : result.error);

describe('the displays (Electron)', () => {
  test('room.displays answers main’s check; identify asks main to show the numbers', async () => {
    const room = fakeRoom({ displays: [laptop, projector], primaryId: 1, presenterId: 1, audienceId: null });
    const { service } = start(room);
    const check = value<DisplayCheck>(await service.dispatch('room.displays', {}));
    expect(check.verdict).toEqual({ kind: 'extended', audience: 2 });
    value(await service.dispatch('room.identify', {}));
    expect(room.identified).toBe(1);
  });

  test('the audience window goes to an eligible display; the console’s own or an unknown one is refused', async () => {
    const room = fakeRoom({ displays: [laptop, projector], primaryId: 1, presenterId: 1, audienceId: null });
    const { service } = start(room);
    const moved = value<DisplayCheck>(await service.dispatch('room.audienceTo', { displayId: 2 }));
    expect(moved.displays.find((shown) => shown.audience)?.id).toBe(2);
    for (const displayId of [1, 99]) {
      expect(errorOf(await service.dispatch('room.audienceTo', { displayId }))).toEqual({
        code: 'not-found',
        what: 'display',
      });
    }
    expect(room.layout.audienceId).toBe(2);
    expect(errorOf(await service.dispatch('room.audienceTo', { displayId: 'two' }))).toMatchObject({
      code: 'invalid-arguments',
    });
  });

  test('the browser host has no displays to check: forbidden, which the console words', async () => {
    const { service } = start();
    for (const [channel, args] of [
      ['room.displays', {}],
      ['room.identify', {}],
      ['room.audienceTo', { displayId: 2 }],
    ] as const) {
      expect(errorOf(await service.dispatch(channel, args))).toEqual({ code: 'forbidden' });
    }
  });
});

describe('the test pattern and tone (both hosts)', () => {
  test('the pattern is in the snapshot, with the number of the display that holds the stage', async () => {
    const room = fakeRoom({ displays: [laptop, projector], primaryId: 1, presenterId: 1, audienceId: null });
    const { service, states } = start(room);
    expect(service.state().roomCheck).toEqual({ pattern: false, toneAt: null, displayNumber: null });
    const on = value<RoomCheck>(await service.dispatch('room.pattern', { on: true }));
    // No audience window yet: the console's display holds the stage.
    expect(on).toEqual({ pattern: true, toneAt: null, displayNumber: 1 });
    expect(states.at(-1)?.roomCheck).toEqual(on);
    value(await service.dispatch('room.audienceTo', { displayId: 2 }));
    expect(service.state().roomCheck.displayNumber).toBe(2);
    expect(states.at(-1)?.roomCheck.displayNumber).toBe(2);
    value(await service.dispatch('room.pattern', { on: false }));
    expect(service.state().roomCheck).toEqual({ pattern: false, toneAt: null, displayNumber: null });
  });

  test('in the browser host the pattern works without a display number', async () => {
    const { service, states } = start();
    value(await service.dispatch('room.pattern', { on: true }));
    expect(states.at(-1)?.roomCheck).toEqual({ pattern: true, toneAt: null, displayNumber: null });
  });

  test('each tone press is a new, later toneAt, even within one millisecond', async () => {
    const { service, states } = start(undefined, () => 1_000);
    const first = value<RoomCheck>(await service.dispatch('room.tone', {}));
    const second = value<RoomCheck>(await service.dispatch('room.tone', {}));
    expect(first.toneAt).toBe(1_000);
    expect(second.toneAt).toBe(1_001);
    expect(states.at(-1)?.roomCheck.toneAt).toBe(1_001);
    expect(second.pattern).toBe(false);
  });
});
