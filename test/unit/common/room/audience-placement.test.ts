import { pickAudienceDisplay, planAudience } from '../../../../src/common/room/audience-placement';
import type { DisplayInfo, ScreenLayout, ScreenRect } from '../../../../src/common/room/audience-placement';

function display(id: number, bounds: ScreenRect, internal = false): DisplayInfo {
  return { id, bounds, workArea: { ...bounds, height: bounds.height - 40 }, internal };
}

const laptop = display(1, { x: 0, y: 0, width: 1920, height: 1080 }, true);
const projector = display(2, { x: 1920, y: 0, width: 1280, height: 720 });
const bigScreen = display(3, { x: -2560, y: 0, width: 2560, height: 1440 });
const smallScreen = display(4, { x: 3200, y: 0, width: 1024, height: 768 });

function layout(displays: DisplayInfo[], presenterId: number | null = laptop.id, primaryId = laptop.id) {
  return { displays, presenterId, primaryId } satisfies ScreenLayout;
}

const idOf = (picked: DisplayInfo | null): number | null => picked?.id ?? null;

describe('pickAudienceDisplay', () => {
  test('one display (a mirrored projector shows up as one): none, so single-screen mode', () => {
    expect(pickAudienceDisplay(layout([laptop]))).toBeNull();
    expect(pickAudienceDisplay(layout([]))).toBeNull();
  });

  test('laptop and projector, presenter on the laptop: the projector', () => {
    expect(idOf(pickAudienceDisplay(layout([laptop, projector])))).toBe(projector.id);
  });

  test('the presenter is taken to be on the primary display when unknown or on a display that went', () => {
    expect(idOf(pickAudienceDisplay(layout([laptop, projector], null)))).toBe(projector.id);
    expect(idOf(pickAudienceDisplay(layout([laptop, projector], 99)))).toBe(projector.id);
    expect(idOf(pickAudienceDisplay(layout([laptop, projector], null, projector.id)))).toBe(laptop.id);
  });

  test('the presenter moved to the projector: the laptop panel is the only other display', () => {
    expect(idOf(pickAudienceDisplay(layout([laptop, projector], projector.id)))).toBe(laptop.id);
  });

  test('several external displays: the largest', () => {
    expect(idOf(pickAudienceDisplay(layout([laptop, smallScreen, projector, bigScreen])))).toBe(bigScreen.id);
  });

  test('an external display beats a larger laptop panel', () => {
    const presenterScreen = display(5, { x: 0, y: 2000, width: 800, height: 600 });
    expect(
      idOf(pickAudienceDisplay(layout([laptop, presenterScreen, smallScreen], presenterScreen.id))),
    ).toBe(smallScreen.id);
  });

  test('equal displays keep the order Electron listed them in', () => {
    const twin = display(6, { x: 3200, y: 0, width: 1280, height: 720 });
    expect(idOf(pickAudienceDisplay(layout([laptop, projector, twin])))).toBe(projector.id);
    expect(idOf(pickAudienceDisplay(layout([laptop, twin, projector])))).toBe(twin.id);
  });

  test('a mirror reported as a second display at the same place is not a second screen', () => {
    const mirror = display(7, { x: 0, y: 0, width: 1920, height: 1080 });
    const partlyOver = display(8, { x: 1000, y: 0, width: 1920, height: 1080 });
    expect(pickAudienceDisplay(layout([laptop, mirror]))).toBeNull();
    expect(pickAudienceDisplay(layout([laptop, partlyOver]))).toBeNull();
    // Touching edges do not overlap: that is the usual side-by-side arrangement.
    expect(idOf(pickAudienceDisplay(layout([laptop, mirror, projector])))).toBe(projector.id);
  });

  test('the display the window is on is kept while it qualifies, even when a larger one appears', () => {
    expect(idOf(pickAudienceDisplay(layout([laptop, projector, bigScreen]), projector.id))).toBe(
      projector.id,
    );
  });

  test('the display the window is on is left when it went or the presenter is on it', () => {
    expect(idOf(pickAudienceDisplay(layout([laptop, bigScreen]), projector.id))).toBe(bigScreen.id);
    expect(
      idOf(pickAudienceDisplay(layout([laptop, projector, bigScreen], projector.id), projector.id)),
    ).toBe(bigScreen.id);
  });
});

describe('planAudience', () => {
  const placedOn = (target: DisplayInfo) => ({ displayId: target.id, bounds: { ...target.bounds } });

  test('not wanted: nothing to open, and an open window closes', () => {
    expect(planAudience({ wanted: false, placed: null, layout: layout([laptop, projector]) })).toEqual({
      kind: 'keep',
    });
    expect(
      planAudience({ wanted: false, placed: placedOn(projector), layout: layout([laptop, projector]) }),
    ).toEqual({ kind: 'close' });
  });

  test('wanted with one display: no window (single-screen mode); one already open closes', () => {
    expect(planAudience({ wanted: true, placed: null, layout: layout([laptop]) })).toEqual({ kind: 'keep' });
    expect(planAudience({ wanted: true, placed: placedOn(projector), layout: layout([laptop]) })).toEqual({
      kind: 'close',
    });
  });

  test('wanted with a projector: open it there, then keep it', () => {
    expect(planAudience({ wanted: true, placed: null, layout: layout([laptop, projector]) })).toEqual({
      kind: 'open',
      display: projector,
    });
    expect(
      planAudience({ wanted: true, placed: placedOn(projector), layout: layout([laptop, projector]) }),
    ).toEqual({ kind: 'keep' });
  });

  test('its display changed bounds (resolution, arrangement): reopened on the same display', () => {
    const resized = { ...projector, bounds: { ...projector.bounds, width: 1920, height: 1080 } };
    expect(
      planAudience({ wanted: true, placed: placedOn(projector), layout: layout([laptop, resized]) }),
    ).toEqual({ kind: 'move', display: resized });
  });

  test('only its work area changed: kept (a full-screen window covers the bounds)', () => {
    const taskBar = { ...projector, workArea: { ...projector.workArea, height: 600 } };
    expect(
      planAudience({ wanted: true, placed: placedOn(projector), layout: layout([laptop, taskBar]) }),
    ).toEqual({ kind: 'keep' });
  });

  test('its display went while another external one remains: moved there', () => {
    expect(
      planAudience({ wanted: true, placed: placedOn(projector), layout: layout([laptop, bigScreen]) }),
    ).toEqual({ kind: 'move', display: bigScreen });
  });
});

describe('planAudience with the room check’s choice', () => {
  const placedOn = (shown: DisplayInfo) => ({ displayId: shown.id, bounds: { ...shown.bounds } });

  test('a chosen display that qualifies: the window moves there from where it was', () => {
    const action = planAudience({
      wanted: true,
      placed: placedOn(bigScreen),
      layout: layout([laptop, projector, bigScreen]),
      preferredId: projector.id,
    });
    expect(action).toEqual({ kind: 'move', display: projector });
  });

  test('a chosen display that does not qualify (the console’s own): the window stays where it is', () => {
    const action = planAudience({
      wanted: true,
      placed: placedOn(projector),
      layout: layout([laptop, projector, bigScreen]),
      preferredId: laptop.id,
    });
    expect(action).toEqual({ kind: 'keep' });
  });

  test('a chosen display opens the window there when there was none', () => {
    const action = planAudience({
      wanted: true,
      placed: null,
      layout: layout([laptop, projector, bigScreen]),
      preferredId: smallScreen.id,
    });
    // Not plugged in: the usual rule (the larger external screen).
    expect(action).toEqual({ kind: 'open', display: bigScreen });
  });
});
