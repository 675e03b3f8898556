import {
  checkDisplays,
  type RoomDisplayInfo,
  type RoomLayout,
} from '../../../../src/common/room/display-check';
import type { ScreenRect } from '../../../../src/common/room/audience-placement';

function display(id: number, bounds: ScreenRect, fields: Partial<RoomDisplayInfo> = {}): RoomDisplayInfo {
  return {
    id,
    bounds,
    workArea: { ...bounds, height: bounds.height - 40 },
    internal: false,
    label: `screen ${id}`,
    scaleFactor: 1,
    ...fields,
  };
}

const laptop = display(10, { x: 0, y: 0, width: 1920, height: 1080 }, { internal: true, scaleFactor: 2 });
const projector = display(20, { x: 1920, y: 0, width: 1280, height: 720 });
const leftScreen = display(30, { x: -2560, y: 0, width: 2560, height: 1440 });
const mirror = display(40, { ...laptop.bounds });

function layout(displays: RoomDisplayInfo[], fields: Partial<RoomLayout> = {}): RoomLayout {
  return { displays, primaryId: laptop.id, presenterId: laptop.id, audienceId: null, ...fields };
}

describe('checkDisplays', () => {
  test('one display: single (a projector the system mirrors is not reported at all)', () => {
    const check = checkDisplays(layout([laptop]));
    expect(check.verdict).toEqual({ kind: 'single' });
    expect(check.displays).toEqual([
      {
        id: laptop.id,
        number: 1,
        label: 'screen 10',
        bounds: laptop.bounds,
        scaleFactor: 2,
        internal: true,
        presenter: true,
        audience: false,
        eligible: false,
      },
    ]);
  });

  test('no display at all (headless): single, with nothing listed', () => {
    expect(checkDisplays(layout([], { presenterId: null }))).toEqual({
      displays: [],
      verdict: { kind: 'single' },
    });
  });

  test('laptop and projector side by side: extended, the projector is number 2 and the audience candidate', () => {
    const check = checkDisplays(layout([projector, laptop]));
    expect(check.verdict).toEqual({ kind: 'extended', audience: 2 });
    expect(check.displays.map((shown) => [shown.id, shown.number, shown.presenter, shown.eligible])).toEqual([
      [laptop.id, 1, true, false],
      [projector.id, 2, false, true],
    ]);
  });

  test('numbers follow the places left to right, whatever order Electron lists them in', () => {
    const check = checkDisplays(layout([projector, laptop, leftScreen]));
    expect(check.displays.map((shown) => shown.id)).toEqual([leftScreen.id, laptop.id, projector.id]);
    // Placement prefers the larger external screen, and the check names the same one.
    expect(check.verdict).toEqual({ kind: 'extended', audience: 1 });
  });

  test('a second display at the console’s own place is a mirror: the room would see the console', () => {
    const check = checkDisplays(layout([laptop, mirror]));
    expect(check.verdict).toEqual({ kind: 'mirrored' });
    expect(check.displays.every((shown) => !shown.eligible)).toBe(true);
  });

  test('a display only partly over the console’s counts as a mirror too (full screen there would cover it)', () => {
    const overlapping = display(50, { x: 960, y: 0, width: 1920, height: 1080 });
    expect(checkDisplays(layout([laptop, overlapping])).verdict).toEqual({ kind: 'mirrored' });
  });

  test('the display the audience window is on stays the audience’s, even if placement would rank another first', () => {
    const check = checkDisplays(layout([laptop, projector, leftScreen], { audienceId: projector.id }));
    expect(check.verdict).toEqual({ kind: 'extended', audience: 3 });
    expect(check.displays.find((shown) => shown.audience)?.id).toBe(projector.id);
  });

  test('the console on the projector: the laptop becomes the eligible one', () => {
    const check = checkDisplays(layout([laptop, projector], { presenterId: projector.id }));
    expect(check.displays.map((shown) => [shown.id, shown.presenter, shown.eligible])).toEqual([
      [laptop.id, false, true],
      [projector.id, true, false],
    ]);
    expect(check.verdict).toEqual({ kind: 'extended', audience: 1 });
  });

  test('an unknown console display is taken to be the primary', () => {
    const check = checkDisplays(layout([laptop, projector], { presenterId: 999 }));
    expect(check.displays.find((shown) => shown.presenter)?.id).toBe(laptop.id);
  });
});
