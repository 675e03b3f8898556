import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLanguage } from '../../../src/common/i18n/languages';
import { callApi } from '../api/call-api';
import { usePlenum } from '../api/plenum-context';
import { FilmScreen } from '../film/film-screen';
import { LibraryScreen } from '../library/library-screen';
import { OverviewScreen } from '../overview/overview-screen';
import { UnlockScreen } from '../unlock/unlock-screen';
import { AppHeader } from './app-header';
import type { Screen } from './screen';

/**
 * The window: one screen at a time (library, unlock, overview, film), the language from the settings,
 * and the document's language and title kept in step with it.
 */
export function App(): ReactElement {
  const plenum = usePlenum();
  const { t, i18n } = useTranslation();
  const [screen, setScreen] = useState<Screen>({ kind: 'library' });

  useEffect(() => {
    let live = true;
    void callApi(() => plenum.settings.get({})).then((result) => {
      if (live && result.ok) void i18n.changeLanguage(result.value.language);
    });
    return () => {
      live = false;
    };
  }, [plenum, i18n]);

  const language = pickLanguage(i18n.language);
  const courseTitle =
    screen.kind === 'overview' || screen.kind === 'film' ? screen.course.manifest.title : null;
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = courseTitle === null ? t('app.name') : `${courseTitle} – ${t('app.name')}`;
  }, [language, courseTitle, t]);

  const toLibrary = (): void => setScreen({ kind: 'library' });

  switch (screen.kind) {
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
              onClosed={toLibrary}
            />
          )}
        </div>
      );
  }
}
