import { html, type TemplateResult } from 'lit';

// The one modal `<dialog>` of a staff workspace (the unit queue, the IOC
// inbox, the admin console): the component keeps which dialog is wanted in
// a reactive property, renders its body with `renderModal` and calls
// `syncDialog` after every update. The `<dialog>` element itself is part of
// the component's fixed template, so a re-render (a live refresh of the
// list or of the open report) updates its body in place and never replaces
// it, never closes it and keeps what was typed in it.

/**
 * The modal `#dialog` with `body` in it (nothing: no dialog wanted).
 * `closed` runs when the browser closed it (Escape, or `syncDialog`).
 *
 * A dialog's `close` event is queued, not dispatched at once: when one
 * dialog is closed and another opened before the event runs (an officer
 * cancels and at once picks another step, faster than a busy page runs its
 * queued tasks), the late event would drop the new dialog. So `closed` runs
 * only when the dialog is still closed as the event arrives.
 */
export function renderModal(body: unknown, closed: () => void): TemplateResult {
  const onClose = (event: Event) => {
    if (!(event.currentTarget as HTMLDialogElement).open) closed();
  };
  return html`<dialog id="dialog" aria-labelledby="dialog-title" @close=${onClose}>${body}</dialog>`;
}

/**
 * Keeps the modal `#dialog` in `root` in step with whether a dialog is wanted:
 * opens it (and focuses the first element matching `focus`) or closes it.
 */
export function syncDialog(root: ParentNode, wanted: boolean, focus: string): void {
  const dialog = root.querySelector<HTMLDialogElement>('#dialog');
  if (dialog && wanted && !dialog.open) {
    dialog.showModal();
    dialog.querySelector<HTMLElement>(focus)?.focus();
  } else if (dialog && !wanted && dialog.open) {
    dialog.close();
  }
}
