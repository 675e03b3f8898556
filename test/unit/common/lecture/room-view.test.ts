import { initialLectureState, type LectureState } from '../../../../src/common/lecture/lecture-state';
import { roomViewOf } from '../../../../src/common/lecture/room-view';

const discussing: LectureState = {
  ...initialLectureState(),
  phase: { kind: 'discussing', chapter: 2, promptIndex: 1, since: 10 },
};

describe('what the room sees', () => {
  it('shows the holding screen before the film unless the lecturer chose the notice', () => {
    expect(roomViewOf(initialLectureState(), true)).toEqual({ kind: 'holding' });
    expect(roomViewOf({ ...initialLectureState(), notice: true }, true)).toEqual({ kind: 'notice' });
    // A course without a notice has none to show, whatever the flag says.
    expect(roomViewOf({ ...initialLectureState(), notice: true }, false)).toEqual({ kind: 'holding' });
  });

  it('stacks a cover over everything, then a replay, the QR code and the board over the discussion', () => {
    expect(roomViewOf(discussing, false)).toEqual({ kind: 'discussion', chapter: 2, promptIndex: 1 });
    expect(roomViewOf({ ...discussing, replay: { chapter: 2, statement: 0 } }, false)).toEqual({
      kind: 'replay',
      chapter: 2,
      statement: 0,
    });
    // A replay is asked for on purpose: the board steps aside while it plays.
    expect(roomViewOf({ ...discussing, board: true, replay: { chapter: 2, statement: 0 } }, false)).toEqual({
      kind: 'replay',
      chapter: 2,
      statement: 0,
    });
    expect(roomViewOf({ ...discussing, board: true }, false)).toEqual({ kind: 'board', chapter: 2 });
    expect(roomViewOf({ ...discussing, board: true, link: { chapter: 2, link: 1 } }, false)).toEqual({
      kind: 'link',
      chapter: 2,
      link: 1,
    });
    expect(
      roomViewOf(
        { ...discussing, link: { chapter: 2, link: 1 }, blank: { screen: 'white', resume: false } },
        false,
      ),
    ).toEqual({ kind: 'cover', screen: 'white' });
  });

  it('shows the film while a chapter plays or stands, the break card and the end', () => {
    const playing = { ...initialLectureState(), phase: { kind: 'playing' as const, chapter: 0 } };
    expect(roomViewOf(playing, false)).toEqual({ kind: 'film', chapter: 0, playing: true });
    const paused = { ...initialLectureState(), phase: { kind: 'paused' as const, chapter: 3 } };
    expect(roomViewOf(paused, false)).toEqual({ kind: 'film', chapter: 3, playing: false });
    const pause = {
      ...initialLectureState(),
      phase: { kind: 'break' as const, after: 1, minutes: 10, since: 5, pausedAt: 9 },
    };
    expect(roomViewOf(pause, false)).toEqual({ kind: 'break', after: 1, minutes: 10, since: 5, pausedAt: 9 });
    expect(roomViewOf({ ...initialLectureState(), phase: { kind: 'finished' } }, false)).toEqual({
      kind: 'end',
    });
  });
});
