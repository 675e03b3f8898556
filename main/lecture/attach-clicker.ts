import type { BrowserWindow } from 'electron';
import type { Dispatch } from '../ipc/register-api';
import type { TypingState } from '../ipc/typing-state';
import { clickerAction } from './clicker-keys';
import type { LectureTracker } from './lecture-tracker';

/** What the clicker needs from the composition root. */
export interface ClickerDeps {
  lectures: LectureTracker;
  typing: TypingState;
  dispatch: Dispatch;
  log: (message: string, details?: unknown) => void;
}

/**
 * Clicker and keyboard control in one window: keys are read before the page sees them, so the lecture
 * moves even when focus is in a menu. A key main acts on is kept from the page (so it never acts twice);
 * lecture keys with no course open, and Escape outside full screen, are left to the page.
 */
export function attachClicker(window: BrowserWindow, deps: ClickerDeps): void {
  const contents = window.webContents;
  contents.on('before-input-event', (event, input) => {
    const handle = deps.lectures.current();
    const blank = handle !== null && deps.lectures.state(handle)?.blank === true;
    const action = clickerAction(input, { typing: deps.typing.isTyping(contents), blank });
    if (action === null) return;
    switch (action.kind) {
      case 'window':
        switch (action.action) {
          case 'toggle-full-screen':
            event.preventDefault();
            window.setFullScreen(!window.isFullScreen());
            return;
          case 'leave-full-screen':
            if (!window.isFullScreen()) return;
            event.preventDefault();
            window.setFullScreen(false);
            return;
        }
      case 'lecture':
        if (handle === null) return;
        event.preventDefault();
        deps
          .dispatch('lecture.command', { handle, command: action.command })
          .then((result) => {
            if (!result.ok) deps.log('clicker command failed', result.error);
          })
          .catch((error: unknown) => deps.log('clicker command threw', error));
        return;
    }
  });
}
