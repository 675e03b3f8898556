import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlenumState, UnlockedCourse } from '../../../src/common/ipc/contract';
import { usePlenumState } from '../api/use-plenum-state';
import { FilmPlayer } from '../film/film-player';
import { HandoutScreen } from '../handouts/handout-screen';
import { LibraryScreen } from '../library/library-screen';
import { OverviewScreen } from '../overview/overview-screen';
import { PresenterView } from '../presenter/presenter-view';
import { UnlockScreen } from '../unlock/unlock-screen';
import { AppHeader } from './app-header';
import type { Screen } from './screen';
import { useAppLanguage } from './use-app-language';

/** The course a screen is about: the running session's, else the overview's (null when it is not open). */
function shownCourse(state: PlenumState | null, screen: Screen): UnlockedCourse | null {
  if (state === null) return null;
  const handle =
    state.session?.handle ??
    (screen.kind === 'overview' || screen.kind === 'handout'
      ? screen.handle
      : screen.kind === 'start'
        ? state.courses.at(-1)?.handle
        : null);
  return state.courses.find((course) => course.handle === handle) ?? null;
}

/**
 * The window renders what main holds: the running session's screen (the film, or the presenter view) when
 * a session runs; otherwise the library, the unlock screen or a course's overview. Reloaded or reopened, it
 * comes back to the same place. The language follows the settings; the document's language and title
 * follow it too.
 */
export function App(): ReactElement {
  const { t } = useTranslation();
  const state = usePlenumState();
  const [screen, setScreen] = useState<Screen>({ kind: 'start' });
  const language = useAppLanguage();
  const course = shownCourse(state, screen);
  const courseTitle = course?.manifest.title ?? null;
  useEffect(() => {
    document.title = courseTitle === null ? t('app.name') : `${courseTitle} – ${t('app.name')}`;
  }, [language, courseTitle, t]);

  if (state === null)
    return (
      <div className="page">
        <AppHeader />
        <main className="screen" aria-busy="true">
          <p>{t('app.loading')}</p>
        </main>
      </div>
    );

  const session = state.session;
  if (session !== null && course !== null) {
    // Leaving comes back to this course's overview.
    const toOverview = (): void => setScreen({ kind: 'overview', handle: course.handle });
    return session.view === 'film' ? (
      <FilmPlayer key={session.id} course={course} session={session} onLeave={toOverview} />
    ) : (
      <PresenterView
        key={session.id}
        course={course}
        session={session}
        audience={state.audience}
        onLeave={toOverview}
      />
    );
  }

  const toLibrary = (): void => setScreen({ kind: 'library' });
  const overview = screen.kind === 'overview' || screen.kind === 'start' ? course : null;
  return (
    <div className="page">
      <AppHeader />
      {screen.kind === 'handout' && course !== null ? (
        <HandoutScreen
          key={`${course.handle}-${screen.handout}`}
          course={course}
          kind={screen.handout}
          onBack={() => setScreen({ kind: 'overview', handle: course.handle })}
        />
      ) : overview !== null ? (
        <OverviewScreen
          key={overview.handle}
          course={overview}
          onClosed={toLibrary}
          onHandout={(handout) => setScreen({ kind: 'handout', handle: overview.handle, handout })}
        />
      ) : screen.kind === 'unlock' ? (
        <UnlockScreen
          key={screen.target.id}
          target={screen.target}
          onUnlocked={(unlocked) => setScreen({ kind: 'overview', handle: unlocked.handle })}
          onBack={toLibrary}
        />
      ) : (
        <LibraryScreen onOpen={(target) => setScreen({ kind: 'unlock', target })} />
      )}
    </div>
  );
}
