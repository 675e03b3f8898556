import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { findPlenumApi } from './api/plenum-window';
import { PlenumContext } from './api/plenum-context';
import { createPlenumStore } from './api/plenum-store';
import { PlenumStoreContext } from './api/use-plenum-state';
import { App } from './app/app';
import { identifyDisplayNumber } from './app/identify-view';
import { isAudienceView } from './app/is-audience-view';
import { AudienceApp } from './audience/audience-app';
import { NoApiScreen } from './app/no-api-screen';
import { createRendererI18n } from './i18n/create-renderer-i18n';
import { DisplayBadge } from './stage/display-badge';
import { RoomCheckLayer } from './stage/room-check-layer';
import './styles/app.css';
import './styles/lecturer-panel.css';
import './styles/room-check.css';
import './styles/room.css';
import './styles/stage-covers.css';
import './styles/console.css';
import './styles/timeline.css';
import './styles/plan-progress.css';

// The entry point: the language starts as bokmål and follows the settings once they arrive. The same page
// is the audience window when opened with ?view=audience (by main in Electron, by the presenter in a browser).
const container = document.getElementById('root');
if (container !== null) {
  const api = findPlenumApi();
  const i18n = createRendererI18n();
  const badge = identifyDisplayNumber();
  createRoot(container).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        {api === null ? (
          <NoApiScreen />
        ) : (
          <PlenumContext.Provider value={api}>
            <PlenumStoreContext.Provider value={createPlenumStore(api)}>
              {badge !== null ? (
                <DisplayBadge displayNumber={badge} />
              ) : (
                <>
                  {isAudienceView() ? <AudienceApp /> : <App />}
                  <RoomCheckLayer audienceView={isAudienceView()} />
                </>
              )}
            </PlenumStoreContext.Provider>
          </PlenumContext.Provider>
        )}
      </I18nextProvider>
    </StrictMode>,
  );
}
