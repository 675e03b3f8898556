import type { ReactElement } from 'react';
import type { Link } from '../../../src/common/course/manifest';
import { LinkQr } from '../film/link-qr';

/** Props of {@link HandoutLink}. */
export interface HandoutLinkProps {
  link: Link;
}

/** A link on paper: its label and full address as text, and a QR code drawn offline for a phone. */
export function HandoutLink({ link }: HandoutLinkProps): ReactElement {
  return (
    <li className="handout-link handout-item">
      <div>
        <p className="handout-link-label">{link.label}</p>
        <p className="handout-link-url">{link.url}</p>
      </div>
      <LinkQr url={link.url} label={link.label} />
    </li>
  );
}
