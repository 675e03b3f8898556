import { useId, useRef, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CLOSING_MESSAGE_MAX,
  EVALUATION_URL_MAX,
  settingsSchema,
  type Settings,
} from '../../../src/common/ipc/api-types';
import { callApi, type CallFailure } from '../api/call-api';
import { usePlenum } from '../api/plenum-context';
import { FailureAlert } from '../app/failure-alert';
import { useSettings } from '../settings/use-settings';

/** An empty field means none: the setting is then null. */
function orNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * Where the lecturer sets the institution's evaluation address and a closing message for the room's end card.
 * The address is checked here with the settings' own schema (the same one main checks again), so a wrong one
 * is explained in the lecturer's language beside the field and never saved.
 */
export function EvaluationSettings(): ReactElement | null {
  const { settings } = useSettings();
  return settings === null ? null : <EvaluationForm settings={settings} />;
}

/** The form, starting from the settings main held when it opened. */
function EvaluationForm({ settings }: { settings: Settings }): ReactElement {
  const plenum = usePlenum();
  const { t } = useTranslation();
  const id = useId();
  const [url, setUrl] = useState(settings.evaluationUrl ?? '');
  const [message, setMessage] = useState(settings.closingMessage ?? '');
  const [urlWrong, setUrlWrong] = useState(false);
  const [messageWrong, setMessageWrong] = useState(false);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<CallFailure | null>(null);
  const urlField = useRef<HTMLInputElement>(null);
  const messageField = useRef<HTMLInputElement>(null);

  const save = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setSaved(false);
    setFailure(null);
    const evaluationUrl = settingsSchema.shape.evaluationUrl.safeParse(orNull(url));
    const closingMessage = settingsSchema.shape.closingMessage.safeParse(orNull(message));
    setUrlWrong(!evaluationUrl.success);
    setMessageWrong(!closingMessage.success);
    // The first wrong field gets the focus, so its explanation is read out with it.
    if (!evaluationUrl.success) urlField.current?.focus();
    else if (!closingMessage.success) messageField.current?.focus();
    if (!evaluationUrl.success || !closingMessage.success) return;
    setSaving(true);
    const result = await callApi(() =>
      plenum.settings.update({ evaluationUrl: evaluationUrl.data, closingMessage: closingMessage.data }),
    );
    setSaving(false);
    if (!result.ok) {
      setFailure(result.error);
      return;
    }
    setUrl(result.value.evaluationUrl ?? '');
    setMessage(result.value.closingMessage ?? '');
    setSaved(true);
  };

  return (
    <section
      className="evaluation-settings"
      data-role="evaluation-settings"
      aria-labelledby={`${id}-heading`}
    >
      <h2 id={`${id}-heading`}>{t('overview.evaluation.heading')}</h2>
      <p>{t('overview.evaluation.intro')}</p>
      <form noValidate onSubmit={(event) => void save(event)}>
        <div className="field">
          <label htmlFor={`${id}-url`}>{t('overview.evaluation.urlLabel')}</label>
          <input
            id={`${id}-url`}
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            data-role="evaluation-url"
            ref={urlField}
            value={url}
            aria-invalid={urlWrong}
            aria-describedby={`${id}-url-hint ${id}-url-error`}
            onChange={(event) => {
              setUrl(event.target.value);
              setSaved(false);
            }}
          />
          <p className="hint" id={`${id}-url-hint`}>
            {t('overview.evaluation.urlHint')}
          </p>
          <p
            className="field-error"
            id={`${id}-url-error`}
            data-role="evaluation-url-error"
            aria-live="polite"
          >
            {urlWrong ? t('overview.evaluation.urlInvalid', { max: EVALUATION_URL_MAX }) : ''}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-message`}>{t('overview.evaluation.messageLabel')}</label>
          <input
            id={`${id}-message`}
            type="text"
            data-role="closing-message-input"
            ref={messageField}
            value={message}
            aria-invalid={messageWrong}
            aria-describedby={`${id}-message-error`}
            onChange={(event) => {
              setMessage(event.target.value);
              setSaved(false);
            }}
          />
          <p className="field-error" id={`${id}-message-error`} aria-live="polite">
            {messageWrong ? t('overview.evaluation.messageInvalid', { max: CLOSING_MESSAGE_MAX }) : ''}
          </p>
        </div>
        <div className="actions">
          <button type="submit" className="button" data-role="evaluation-save" disabled={saving}>
            {t('overview.evaluation.save')}
          </button>
          <p className="hint" data-role="evaluation-saved" aria-live="polite">
            {saved ? t('overview.evaluation.saved') : ''}
          </p>
        </div>
      </form>
      <FailureAlert failure={failure} />
    </section>
  );
}
