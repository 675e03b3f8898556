import type { ApiHandlers } from '../dispatcher';
import type { ServiceContext } from '../service-context';
import { ServiceError } from '../service-error';

/** The running session: begin or continue, commands, the playhead, leave, end; and the audience window. */
export function sessionHandlers(
  context: ServiceContext,
): Pick<
  ApiHandlers,
  | 'session.begin'
  | 'session.command'
  | 'session.board'
  | 'session.position'
  | 'session.leave'
  | 'session.end'
  | 'stage.audience'
> {
  const { runner, deps } = context;
  return {
    'session.begin': async ({ handle, kind, view, fresh }) => {
      const course = context.opened(handle);
      // A new session takes the room's screen: the last one's end card goes (with this call's snapshot).
      context.setClosing(null);
      const state = runner.begin({
        course,
        kind,
        view,
        fresh: fresh === true,
        promptMode: context.settings().promptMode,
      });
      return state;
    },
    'session.command': async ({ command }) => {
      const state = runner.command(command);
      // The prompt mode is also the user's preference for the next session; failing to remember it is no
      // reason to fail the command (the lecture has already changed).
      if (command.type === 'set-prompt-mode' && command.mode !== context.settings().promptMode)
        context.remember({ promptMode: command.mode });
      return state;
    },
    'session.board': async ({ chapterId, entries }) => runner.setBoard(chapterId, entries),
    'session.position': async ({ seconds }) => {
      runner.position(seconds);
      return null;
    },
    'session.leave': async () => {
      runner.leave();
      return null;
    },
    'session.end': async () => {
      // A lecture leaves its end card on the room's screen (a rehearsal has no room). It is set before the
      // end so that the one snapshot the end sends already carries it: the room never sees "waiting".
      const running = runner.running();
      const course = running === null ? undefined : context.courses.get(running.handle);
      const before = context.closing();
      if (running?.kind === 'lecture' && course !== undefined)
        context.setClosing({ handle: course.handle, courseTitle: course.manifest.title });
      try {
        runner.end();
      } catch (error) {
        context.setClosing(before);
        throw error;
      }
      return null;
    },
    'stage.audience': async ({ show }) => {
      if (!deps.audienceWindow) throw new ServiceError({ code: 'forbidden' });
      if (show) deps.audienceWindow.show();
      else deps.audienceWindow.hide();
      return context.audience();
    },
  };
}
