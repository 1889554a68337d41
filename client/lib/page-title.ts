/**
 * The document's `<title>`, in the page's language: each page names itself (the server sends the same
 * titles in the HTML it answers with, server/static.ts).
 */
import { t } from '../i18n';

/** Sets the title to `parts` (the page's own name first), followed by the site's name. */
export function setPageTitle(...parts: string[]): void {
  setDocumentTitle(t('title.of', { page: parts.join(' · ') }));
}

/** Sets the whole title as given (the map, whose title names the city itself). */
export function setDocumentTitle(title: string): void {
  if (document.title !== title) document.title = title;
}
