import QRCode from 'qrcode';
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { svgDataUrl } from './svg-data-url';

/** Props of {@link LinkQr}. */
export interface LinkQrProps {
  url: string;
  label: string;
}

/**
 * A QR code for a link, drawn offline by the `qrcode` library (the address is never fetched), so students
 * can open it on their own phones. Shown as an image from a data: URL.
 */
export function LinkQr({ url, label }: LinkQrProps): ReactElement | null {
  const { t } = useTranslation();
  const [source, setSource] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }).then(
      (svg) => {
        if (live) setSource(svgDataUrl(svg));
      },
      // An address too long for a QR code keeps its text only.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [url]);
  if (source === null) return null;
  return <img className="qr" data-role="qr" src={source} alt={t('film.panel.qrAlt', { label })} />;
}
