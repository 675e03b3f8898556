import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AudiencePresence } from '../../../src/common/ipc/contract';

/** Props of {@link AudienceControl}. */
export interface AudienceControlProps {
  audience: AudiencePresence;
  /** Electron places a native window on the projector; the browser host opens a second page. */
  kind: 'native' | 'page';
  onOpen(): void;
  onClose(): void;
}

/**
 * Where the room's view is, in words, and the one button that changes it: open (or reopen, after a window
 * closed by mistake) the audience window, or bring the view back to this screen.
 */
export function AudienceControl({ audience, kind, onOpen, onClose }: AudienceControlProps): ReactElement {
  const { t } = useTranslation();
  const where = ((): string => {
    switch (audience.kind) {
      case 'absent':
        return t('presenter.audience.absent');
      case 'present':
        switch (audience.placement) {
          case 'projector':
            return t('presenter.audience.projector');
          case 'this-screen':
            return t('presenter.audience.thisScreen');
          case 'page':
            return t('presenter.audience.page');
        }
    }
  })();
  const present = audience.kind === 'present';
  return (
    <div className="audience-control" data-role="audience-status" data-present={present}>
      <span>{where}</span>
      {present && kind === 'native' ? (
        <button type="button" className="button small" data-role="audience-close" onClick={onClose}>
          {t('presenter.audience.close')}
        </button>
      ) : (
        <button type="button" className="button small" data-role="audience-open" onClick={onOpen}>
          {present ? t('presenter.audience.focus') : t('presenter.audience.open')}
        </button>
      )}
    </div>
  );
}
