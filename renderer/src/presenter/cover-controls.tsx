import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverScreen, LectureCover } from '../../../src/common/lecture/lecture-state';
import type { SessionCommand } from '../../../src/common/session/session-state';

/** Props of {@link CoverControls}. */
export interface CoverControlsProps {
  cover: LectureCover | null;
  send(command: SessionCommand): void;
}

const SCREENS: readonly { screen: CoverScreen; role: string }[] = [
  // blank-toggle is the black screen's hook from before white and holding screens existed.
  { screen: 'black', role: 'blank-toggle' },
  { screen: 'white', role: 'white-toggle' },
  { screen: 'holding', role: 'holding-toggle' },
];

/**
 * The room's screen at a press: black (B), white (W) or the holding screen (H), each a toggle: pressed
 * again (or any lecture key) it brings back what was there, and the film plays on if covering it paused it.
 */
export function CoverControls({ cover, send }: CoverControlsProps): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="cover-controls" role="group" aria-label={t('presenter.cover.label')}>
      {SCREENS.map(({ screen, role }) => {
        const on = cover?.screen === screen;
        return (
          <button
            key={screen}
            type="button"
            className="button small"
            data-role={role}
            aria-pressed={on}
            onClick={() => send(on ? { type: 'unblank' } : { type: 'blank', screen })}
          >
            {t(`presenter.cover.${screen}`)}
          </button>
        );
      })}
    </div>
  );
}
