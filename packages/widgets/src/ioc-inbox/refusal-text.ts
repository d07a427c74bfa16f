import type { Lang } from '../shared/i18n.js';
import type { InboxMessages } from './ioc-inbox.messages.js';

/** An expected error of the API as the operator reads it: a validation error in the page's language, else the code and the server's words. */
export function refusalText(error: { __typename: string; code: string; message: string; messageVi?: string; messageEn?: string }, lang: Lang, m: InboxMessages): string {
  if (error.__typename === 'ValidationError' && error.messageVi && error.messageEn) return lang === 'en' ? error.messageEn : error.messageVi;
  return m.refused(error.code, error.message);
}
