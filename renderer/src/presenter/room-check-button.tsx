import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlenumState } from '../api/use-plenum-state';
import { RoomCheckPanel } from './room-check';

/**
 * The room check from the console's header: a button that opens the panel in a modal dialog over the fixed
 * console (no page scroll), closed by its button or Escape. Keys pressed inside stay inside: Space on a
 * button there must not also play the film. `data-keys="own"` tells main's clicker the same (it reads keys
 * before the page), and stopping them here keeps them from the page's lecture keys.
 */
export function RoomCheckButton(): ReactElement {
  const { t } = useTranslation('room');
  const dialog = useRef<HTMLDialogElement>(null);
  // Mounted only while open, so the panel reads the displays afresh each time.
  const [open, setOpen] = useState(false);
  const state = usePlenumState();
  // With no audience window the test pattern covers this window; a modal dialog would stay above it (the top
  // layer), in front of the room. So the dialog steps aside while the pattern shows here.
  const patternHere = state?.roomCheck.pattern === true && state.audience.kind === 'absent';
  useEffect(() => {
    if (patternHere) dialog.current?.close();
  }, [patternHere]);
  return (
    <>
      <button
        type="button"
        className="button"
        data-role="room-check-open"
        aria-haspopup="dialog"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        {t('panel.open')}
      </button>
      <dialog
        ref={dialog}
        className="room-check-dialog"
        data-role="room-check-dialog"
        data-keys="own"
        aria-label={t('panel.heading')}
        onClose={() => setOpen(false)}
        onKeyDown={(event) => event.stopPropagation()}
      >
        {open && <RoomCheckPanel />}
        <button
          type="button"
          className="button room-check-close"
          data-role="room-check-close"
          onClick={() => dialog.current?.close()}
        >
          {t('panel.close')}
        </button>
      </dialog>
    </>
  );
}
