import { useCallback, useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';
import { ConfirmDialog } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { measureMessages } from './messages';

/**
 * Warns before leaving with unsaved changes: the browser's own prompt on reload/close (beforeunload),
 * a dialog on in-app navigation. Call `allowLeave()` right before navigating away after a save.
 */
export function useUnsavedChanges(dirty: boolean) {
  const t = useT(measureMessages);
  const allowed = useRef(false);
  const blocker = useBlocker(
    useCallback(
      ({ currentLocation, nextLocation }: { currentLocation: { pathname: string }; nextLocation: { pathname: string } }) =>
        dirty && !allowed.current && currentLocation.pathname !== nextLocation.pathname,
      [dirty],
    ),
  );

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (allowed.current) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const dialog = (
    <ConfirmDialog
      open={blocker.state === 'blocked'}
      title={t('unsavedTitle')}
      confirmLabel={t('unsavedLeave')}
      cancelLabel={t('unsavedStay')}
      danger
      onConfirm={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    >
      <p>{t('unsavedText')}</p>
    </ConfirmDialog>
  );
  const allowLeave = useCallback(() => {
    allowed.current = true;
  }, []);
  return { dialog, allowLeave };
}
