import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { FilmScreen } from '../film/film-screen';
import { LibraryScreen } from '../library/library-screen';
import { OverviewScreen } from '../overview/overview-screen';
import { PresenterScreen } from '../presenter/presenter-screen';
import { UnlockScreen } from '../unlock/unlock-screen';
import { AppHeader } from './app-header';
import type { Screen } from './screen';
import { useAppLanguage } from './use-app-language';

/**
 * The window: one screen at a time (library, unlock, overview, film, presenter), the language from the settings,
 * and the document's language and title kept in step with it.
 */
export function App(): ReactElement {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<Screen>({ kind: 'library' });
  const language = useAppLanguage();
  const courseTitle =
    screen.kind === 'overview' || screen.kind === 'film' || screen.kind === 'presenter'
      ? screen.course.manifest.title
      : null;
  useEffect(() => {
    document.title = courseTitle === null ? t('app.name') : `${courseTitle} – ${t('app.name')}`;
  }, [language, courseTitle, t]);

  const toLibrary = (): void => setScreen({ kind: 'library' });

  switch (screen.kind) {
    case 'presenter':
      return (
        <PresenterScreen
          key={screen.course.handle}
          course={screen.course}
          mode={screen.mode}
          onLeave={() => setScreen({ kind: 'overview', course: screen.course })}
        />
      );
    case 'film':
      return (
        <FilmScreen
          key={screen.course.handle}
          course={screen.course}
          resumeAt={screen.resumeAt}
          onLeave={() => setScreen({ kind: 'overview', course: screen.course })}
        />
      );
    case 'library':
    case 'unlock':
    case 'overview':
      return (
        <div className="page">
          <AppHeader />
          {screen.kind === 'library' && (
            <LibraryScreen onOpen={(target) => setScreen({ kind: 'unlock', target })} />
          )}
          {screen.kind === 'unlock' && (
            <UnlockScreen
              key={screen.target.path}
              target={screen.target}
              onUnlocked={(course) => setScreen({ kind: 'overview', course })}
              onBack={toLibrary}
            />
          )}
          {screen.kind === 'overview' && (
            <OverviewScreen
              course={screen.course}
              onStart={(resumeAt) => setScreen({ kind: 'film', course: screen.course, resumeAt })}
              onPresent={(mode) => setScreen({ kind: 'presenter', course: screen.course, mode })}
              onClosed={toLibrary}
            />
          )}
        </div>
      );
  }
}
