import {
  discussionLayouts,
  ROOM_TYPE_FLOOR,
  ROOM_TYPE_STEPS,
  roomFitLevels,
} from '../../../../renderer/src/stage/room-fit-levels';

describe('the room view fit levels', () => {
  it('try every layout at one size before the type shrinks, and end at the floor', () => {
    const levels = roomFitLevels(['stack', 'side', 'columns']);
    expect(levels).toHaveLength(ROOM_TYPE_STEPS.length * 3);
    expect(levels.slice(0, 4)).toEqual([
      { layout: 'stack', size: ROOM_TYPE_STEPS[0] },
      { layout: 'side', size: ROOM_TYPE_STEPS[0] },
      { layout: 'columns', size: ROOM_TYPE_STEPS[0] },
      { layout: 'stack', size: ROOM_TYPE_STEPS[1] },
    ]);
    expect(levels.at(-1)).toEqual({ layout: 'columns', size: ROOM_TYPE_FLOOR });
    // Sizes never grow along the list: the first level that fits has the largest type that fits.
    for (const [index, level] of levels.entries()) {
      if (index > 0) expect(level.size).toBeLessThanOrEqual(levels[index - 1]!.size);
      expect(level.size).toBeGreaterThanOrEqual(ROOM_TYPE_FLOOR);
    }
  });

  it('step down by at most an eighth and stop at a thirtieth of the screen', () => {
    expect(ROOM_TYPE_FLOOR * 30).toBeCloseTo(100);
    expect(ROOM_TYPE_STEPS.at(-1)).toBe(ROOM_TYPE_FLOOR);
    for (let index = 1; index < ROOM_TYPE_STEPS.length; index += 1) {
      const ratio = ROOM_TYPE_STEPS[index]! / ROOM_TYPE_STEPS[index - 1]!;
      expect(ratio).toBeLessThan(1);
      expect(ratio).toBeGreaterThanOrEqual(0.875);
    }
  });

  it('repeat no layout and always have one', () => {
    expect(roomFitLevels(['stack', 'stack']).map((level) => level.layout)).toEqual(
      ROOM_TYPE_STEPS.map(() => 'stack'),
    );
    expect(roomFitLevels([])).toHaveLength(ROOM_TYPE_STEPS.length);
  });

  it('offer a discussion only the layouts its content can use', () => {
    expect(discussionLayouts(1, false)).toEqual(['stack']);
    expect(discussionLayouts(1, true)).toEqual(['stack', 'side']);
    expect(discussionLayouts(4, false)).toEqual(['stack', 'columns']);
    expect(discussionLayouts(4, true)).toEqual(['stack', 'side', 'columns', 'columns-side']);
  });
});
