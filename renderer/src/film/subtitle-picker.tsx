import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Subtitle } from '../../../src/common/course/manifest';

/** Props of {@link SubtitlePicker}. */
export interface SubtitlePickerProps {
  subtitles: readonly Subtitle[];
  /** The language shown, or null for none. */
  language: string | null;
  onChange(language: string | null): void;
}

/** The value that stands for "no subtitles" in the picker (languages are never empty strings). */
const OFF = '';

/** Chooses the subtitle language, or none (S toggles the last choice on and off). */
export function SubtitlePicker({ subtitles, language, onChange }: SubtitlePickerProps): ReactElement | null {
  const { t } = useTranslation();
  const id = useId();
  if (subtitles.length === 0) return null;
  return (
    <div className="subtitle-picker">
      <label htmlFor={id}>{t('film.subtitles.label')}</label>
      <select
        id={id}
        data-role="subtitles"
        value={language ?? OFF}
        onChange={(event) => onChange(event.target.value === OFF ? null : event.target.value)}
      >
        <option value={OFF}>{t('film.subtitles.off')}</option>
        {subtitles.map((subtitle) => (
          <option key={subtitle.language} value={subtitle.language}>
            {subtitle.label}
          </option>
        ))}
      </select>
    </div>
  );
}
