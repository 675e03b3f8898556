import type { ReactElement } from 'react';
import type { CourseManifest } from '../../../src/common/course/manifest';
import type { ShownLink } from '../../../src/common/lecture/lecture-state';
import { LinkQr } from '../film/link-qr';
import { useRoomTranslator } from '../i18n/use-room-translator';
import { BreakableUrl } from './breakable-url';

/** Props of {@link LinkView}. */
export interface LinkViewProps {
  course: CourseManifest;
  /** The link main says the room sees. */
  shown: ShownLink;
}

/**
 * One of the chapter's links on the room's screen: its QR code as large as the screen allows, so a phone at
 * the back of the room can read it, with the label and the address as text for those without a camera.
 * Nothing shows for a link the course does not have.
 */
export function LinkView({ course, shown }: LinkViewProps): ReactElement | null {
  const { t, language: roomLanguage } = useRoomTranslator(course.language);
  const link = course.chapters[shown.chapter]?.links[shown.link];
  if (link === undefined) return null;
  return (
    <section className="link-view" data-role="room-link" data-url={link.url} lang={roomLanguage}>
      <div className="link-view-code">
        <LinkQr url={link.url} label={link.label} />
      </div>
      <div className="link-view-text">
        <p className="discussion-label">{t('stage.link.label')}</p>
        <h2>{link.label}</h2>
        <p className="link-view-url">
          <BreakableUrl url={link.url} />
        </p>
        <p className="link-view-scan">{t('stage.link.scan')}</p>
      </div>
    </section>
  );
}
