import type { BrowserWindow } from 'electron';
import { lectureKeyAction } from '../../src/common/lecture/lecture-keys';
import type { Dispatch } from '../ipc/register-api';
import type { TypingState } from '../ipc/typing-state';
import type { SessionWatch } from './session-watch';

/** What the clicker needs from the composition root. */
export interface ClickerDeps {
  session: SessionWatch;
  typing: TypingState;
  dispatch: Dispatch;
  log: (message: string, details?: unknown) => void;
}

/**
 * Clicker and keyboard control in one window, with the same key map every window uses
 * (src/common/lecture/lecture-keys.ts): keys are read before the page sees them, so the lecture moves even
 * when focus is in a menu. A key main acts on is kept from the page (so it never acts twice); lecture keys
 * with no session running, the keys only a page acts on (subtitles, the list of keys, the chapter overview,
 * the prompt keys), and Escape outside full screen are left to the page.
 */
export function attachClicker(window: BrowserWindow, deps: ClickerDeps): void {
  const contents = window.webContents;
  contents.on('before-input-event', (event, input) => {
    if (input.type !== 'keyDown' || input.isComposing) return;
    const lecture = deps.session.lecture();
    const action = lectureKeyAction(
      {
        key: input.key,
        repeat: input.isAutoRepeat,
        ctrlKey: input.control,
        altKey: input.alt,
        metaKey: input.meta,
      },
      {
        blank: (lecture?.blank ?? null) !== null,
        board: lecture?.board === true,
        keysOpen: false,
        typing: deps.typing.isTyping(contents),
        // Main holds no course, so the prompt keys (which need the chapter's prompts) go to the page.
        prompts: null,
      },
    );
    if (action === null) return;
    switch (action.kind) {
      case 'toggle-fullscreen':
        event.preventDefault();
        window.setFullScreen(!window.isFullScreen());
        return;
      case 'leave-fullscreen':
        if (!window.isFullScreen()) return;
        event.preventDefault();
        window.setFullScreen(false);
        return;
      case 'toggle-subtitles':
      case 'toggle-keys':
      case 'toggle-chapters':
        return;
      case 'command':
        if (lecture === null) return;
        event.preventDefault();
        deps
          .dispatch('session.command', { command: action.command })
          .then((result) => {
            if (!result.ok) deps.log('clicker command failed', result.error);
          })
          .catch((error: unknown) => deps.log('clicker command threw', error));
        return;
    }
  });
}
