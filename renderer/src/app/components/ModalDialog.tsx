import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A native modal <dialog>: the page behind it is inert and focus stays inside, for free.
 * Escape calls `onEscape`; without one, Escape does nothing. Chromium may close a dialog on a
 * repeated Escape even when 'cancel' is prevented, so an unrequested close is treated the same
 * way: as `onEscape`, or the dialog opens again.
 */
export function ModalDialog({
  labelledBy,
  onEscape,
  children,
  testId,
}: {
  labelledBy: string;
  onEscape?: () => void;
  children: ReactNode;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const unmounting = useRef(false);
  const escape = useRef(onEscape);
  useEffect(() => {
    escape.current = onEscape;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    unmounting.current = false;
    if (!dialog.open) dialog.showModal();
    return () => {
      unmounting.current = true;
      dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="modal-dialog"
      aria-labelledby={labelledBy}
      data-testid={testId}
      onCancel={(event) => {
        // Not cancelable: Chromium closes anyway, and onClose handles it once.
        if (!event.cancelable) return;
        event.preventDefault();
        escape.current?.();
      }}
      onClose={() => {
        if (unmounting.current) return;
        if (escape.current) escape.current();
        else ref.current?.showModal();
      }}
    >
      {children}
    </dialog>
  );
}
