import { useId, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallFailure } from '../api/call-api';
import { FailureAlert } from '../app/failure-alert';

/** Props of {@link OpenCourseForm}. */
export interface OpenCourseFormProps {
  /** Electron has a file dialog; the browser host cannot pick files, so a path is typed instead. */
  canPickFiles: boolean;
  disabled: boolean;
  /** Why the last path or picked file could not be opened, shown beside the form. */
  failure: CallFailure | null;
  onPick(): void;
  onPath(path: string): void;
}

/** Opens a course file that is not in the library yet: by the file dialog, or by its typed path. */
export function OpenCourseForm({
  canPickFiles,
  disabled,
  failure,
  onPick,
  onPath,
}: OpenCourseFormProps): ReactElement {
  const { t } = useTranslation();
  const headingId = useId();
  const fieldId = useId();
  const hintId = useId();
  const alertId = useId();
  const [path, setPath] = useState('');
  const [missing, setMissing] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const trimmed = path.trim();
    setMissing(trimmed === '');
    if (trimmed !== '') onPath(trimmed);
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('library.openFileHeading')}</h2>
      {canPickFiles ? (
        <button type="button" className="button" data-role="pick-file" disabled={disabled} onClick={onPick}>
          {t('library.pick')}
        </button>
      ) : (
        <form className="path-form" onSubmit={submit} noValidate>
          <label htmlFor={fieldId}>{t('library.pathLabel')}</label>
          <p id={hintId} className="hint">
            {missing ? t('library.pathMissing') : t('library.pathHint')}
          </p>
          <div className="field-row">
            <input
              id={fieldId}
              type="text"
              data-role="course-path"
              value={path}
              spellCheck={false}
              autoComplete="off"
              aria-describedby={`${hintId} ${alertId}`}
              aria-invalid={missing || failure !== null}
              onChange={(event) => setPath(event.target.value)}
            />
            <button type="submit" className="button" disabled={disabled}>
              {t('library.open')}
            </button>
          </div>
        </form>
      )}
      <FailureAlert failure={failure} id={alertId} />
    </section>
  );
}
