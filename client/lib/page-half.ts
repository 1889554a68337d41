/**
 * The server writes its messages in both languages, `中文 / English`; a page shows only its own half.
 */
import { lang } from '../i18n';

/** The half of a `中文 / English` message in the page's language (a message without the separator as it is). */
export function pageHalf(message: string): string {
  const at = message.indexOf(' / ');
  if (at < 0) return message;
  return lang() === 'en' ? message.slice(at + 3) : message.slice(0, at);
}

/** What an error says, in the page's language. */
export function errorText(error: unknown): string {
  return pageHalf(error instanceof Error ? error.message : String(error));
}
