import type { DisplayCheck } from '../../../common/room/display-check';
import type { RoomCheck } from '../../../common/room/room-check';
import type { ApiHandlers } from '../dispatcher';
import type { RoomDisplays, ServiceContext } from '../service-context';
import { ServiceError } from '../service-error';

/** The number of the display that holds the stage: the audience window's, else the console's own. */
function stageDisplayNumber(check: DisplayCheck): number | null {
  const holder =
    check.displays.find((display) => display.audience) ?? check.displays.find((display) => display.presenter);
  return holder?.number ?? null;
}

/**
 * The room check before class: the displays (Electron only: the browser host cannot see them), and the test
 * pattern and tone on the audience's screen (both hosts, held in the snapshot so a reload keeps them).
 */
export function roomHandlers(
  context: ServiceContext,
): Pick<ApiHandlers, 'room.displays' | 'room.identify' | 'room.audienceTo' | 'room.pattern' | 'room.tone'> {
  const displays = (): RoomDisplays => {
    const room = context.deps.room;
    if (room === undefined) throw new ServiceError({ code: 'forbidden' });
    return room;
  };
  const update = (next: RoomCheck): RoomCheck => {
    context.setRoomCheck(next);
    context.changed();
    return next;
  };
  return {
    'room.displays': async () => displays().check(),
    'room.identify': async () => displays().identify(),
    'room.audienceTo': async ({ displayId }) => {
      const room = displays();
      // Checked here, not left to placement: a display that cannot hold the audience (the console's own, a
      // mirror of it, one unplugged since the list was read) gets a clear answer instead of a silent no-op.
      const target = room.check().displays.find((display) => display.id === displayId);
      if (target === undefined || !target.eligible)
        throw new ServiceError({ code: 'not-found', what: 'display' });
      const check = room.audienceTo(displayId);
      const current = context.roomCheck();
      if (current.pattern) update({ ...current, displayNumber: stageDisplayNumber(check) });
      return check;
    },
    'room.pattern': async ({ on }) => {
      const room = context.deps.room;
      return update({
        ...context.roomCheck(),
        pattern: on,
        displayNumber: on && room !== undefined ? stageDisplayNumber(room.check()) : null,
      });
    },
    'room.tone': async () => {
      const previous = context.roomCheck().toneAt ?? 0;
      // Strictly increasing, so two presses within one millisecond still sound twice.
      return update({ ...context.roomCheck(), toneAt: Math.max(context.now(), previous + 1) });
    },
  };
}
