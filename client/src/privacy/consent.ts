/**
 * The resident's answer to the privacy guide, between WeChat and the consent sheet.
 *
 * weapp: WeChat holds a privacy API call (chooseMedia, chooseLocation, saveImageToPhotosAlbum…)
 * pending and fires `wx.onNeedPrivacyAuthorization` (registered once, ./register.ts) until the
 * resident has agreed; the sheet on the current page shows what is asked and why, and the answer
 * goes back through WeChat's `resolve`: agree (only after the tap on the button with
 * `open-type="agreePrivacyAuthorization"`, which WeChat checks by its id) lets the call run,
 * disagree makes it fail with errno 104. h5 has no such interception: ./gate.h5.ts asks the same
 * sheet itself before the call and keeps the agreement in storage.
 */

/** The agree button's id: WeChat checks that the button it names was tapped before it takes "agree". */
export const AGREE_BUTTON_ID = 'bm-privacy-agree';

export type ConsentEvent = { event: 'agree'; buttonId: string } | { event: 'disagree' } | { event: 'exposureAuthorization' };
export type ConsentResolve = (answer: ConsentEvent) => void;

export interface PendingConsent {
  /** The API (or component) waiting for the answer, as WeChat names it (`chooseMedia`). */
  api: string;
}

let waiting: Array<{ api: string; resolve: ConsentResolve }> = [];
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

/** A privacy API waits for the resident's answer (weapp: from WeChat's listener; h5: from the gate). */
export function askConsent(api: string, resolve: ConsentResolve): void {
  waiting = [...waiting, { api, resolve }];
  notify();
}

/** What the sheet shows: the first call waiting, or null. */
export function pendingConsent(): PendingConsent | null {
  return waiting[0] ? { api: waiting[0].api } : null;
}

/** WeChat wants to know when the custom sheet was shown to the resident. */
export function exposeConsent(): void {
  for (const w of waiting) w.resolve({ event: 'exposureAuthorization' });
}

/**
 * The resident's answer, for every call waiting: one agreement covers the whole guide, and a
 * refusal fails each waiting call (each then says what did not work).
 */
export function answerConsent(agreed: boolean): void {
  const answered = waiting;
  waiting = [];
  for (const w of answered) w.resolve(agreed ? { event: 'agree', buttonId: AGREE_BUTTON_ID } : { event: 'disagree' });
  notify();
}

export function subscribeConsent(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
