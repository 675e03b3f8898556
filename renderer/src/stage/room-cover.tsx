import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverScreen } from '../../../src/common/lecture/lecture-state';
import { HoldingCard } from './holding-card';

/** Props of {@link RoomCover}. */
export interface RoomCoverProps {
  screen: CoverScreen;
  courseTitle: string;
  language: string;
}

/**
 * What covers the room's screen while the lecturer wants its eyes elsewhere: black (the classic blank),
 * white (light for the room, say to write on a whiteboard under the projector) or the holding screen.
 * It lies over everything on the stage, the film included, which main has paused meanwhile.
 */
export function RoomCover({ screen, courseTitle, language }: RoomCoverProps): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="blank" data-role="blank" data-screen={screen}>
      {screen === 'holding' ? (
        <HoldingCard courseTitle={courseTitle} language={language} />
      ) : (
        <p className="visually-hidden">{t(`film.covered.${screen}`)}</p>
      )}
    </div>
  );
}
