import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { isWebAddress, type Designation, type Document, type Specification } from '../../db/model';
import { freeText } from '../lib/free-text';
import { LocaleController, t } from '../i18n';
import { renderDate } from '../i18n/dates';
import { sharedStyles } from '../lib/shared-styles';
import { appHref } from '../lib/base-path';

/** A link's host, to say where it leads (`www.sxsfzxw.com`). */
function hostOf(url: string): string {
  try { return new URL(url).host; } catch { return url; }
}

/**
 * One designation's specification on the product page: the current version (number, title, version,
 * date at its precision, where to read it: a web page opened apart, or the product's own file), its
 * earlier versions as the amendments, and who manages the GI (with its public contact) and who tests
 * under it. What is not known says so, as the page does elsewhere.
 */
@customElement('gi-designation-specification')
export class GiDesignationSpecification extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: block; margin: 0.75rem 0; }
    h4 { margin: 0.5rem 0 0.25rem; font-size: 0.95rem; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0 0 0.5rem; }
    dt { color: var(--gi-muted); }
    dd { margin: 0; overflow-wrap: anywhere; }
    ol { margin: 0.25rem 0 0.5rem; padding-left: 1.25rem; }
    li { overflow-wrap: anywhere; margin-bottom: 0.25rem; }
    .links a { margin-right: 0.75rem; }
    @media (max-width: 700px) { dl { grid-template-columns: 1fr; } dt { margin-top: 0.3rem; } }
  `];

  /** The designation whose specification and contacts are shown. */
  @property({ attribute: false }) designation: Designation | null = null;
  /** The product's documents the viewer may read (a version's file is found among them). */
  @property({ attribute: false }) documents: Document[] = [];

  private readonly i18n = new LocaleController(this);

  override render() {
    const d = this.designation;
    if (!d) return nothing;
    const [current, ...earlier] = d.specifications;
    const id = (part: string) => `${part}-${d.id}`;
    // Plain sections (no landmarks): every designation has these two, and landmarks' names must differ.
    return html`<section>
        <h4 id=${id('spec')}>${t('spec.heading')}</h4>
        ${current ? this.renderCurrent(current) : html`<p class="state">${t('spec.none')}</p>`}
        ${earlier.length ? html`<h4 id=${id('amend')}>${t('spec.amendments')}</h4>
          <ol aria-labelledby=${id('amend')}>${earlier.map((s) => html`<li>${this.renderEarlier(s)}</li>`)}</ol>` : nothing}
      </section>
      <section>
        <h4 id=${id('contacts')}>${t('spec.contacts')}</h4>
        <dl>
          ${this.row(t('spec.managingBody'), d.managingBody ? freeText(d.managingBody) : null)}
          ${this.row(t('spec.managingContact'), d.managingContact ? this.contact(d.managingContact) : null)}
          ${this.row(t('spec.testingBody'), d.testingBody ? freeText(d.testingBody) : null)}
        </dl>
      </section>`;
  }

  private renderCurrent(s: Specification) {
    return html`<dl>
      ${this.row(t('spec.number'), s.number)}
      ${this.row(t('spec.title'), freeText(s.title))}
      ${this.row(t('spec.version'), s.version ? freeText(s.version) : null)}
      ${this.row(t('spec.issuedOn'), s.issuedOn ? renderDate(s.issuedOn) : null)}
      ${this.row(t('spec.text'), this.links(s))}
      ${s.note ? this.row(t('spec.note'), freeText(s.note, { marker: true })) : nothing}
    </dl>`;
  }

  private renderEarlier(s: Specification) {
    const named = [s.number, s.version].filter(Boolean).join(' ');
    return html`${named ? html`${named} ` : nothing}${freeText(s.title)}${s.issuedOn ? html` · ${renderDate(s.issuedOn)}` : nothing}
      ${this.links(s) ?? nothing}`;
  }

  /** Where to read a version: its web page (opened apart, no opener) and its file; null when neither. */
  private links(s: Specification) {
    const file = s.documentId === null ? undefined : this.documents.find((doc) => doc.id === s.documentId);
    if (!s.url && !file) return null;
    return html`<span class="links">${s.url ? html`<a href=${s.url} rel="noopener noreferrer external" target="_blank">${t('spec.openLink', { host: hostOf(s.url) })}</a>` : nothing}${
      file ? html`<a href=${appHref(file.url)} type=${file.mime}>${t('spec.openDocument', { title: file.title })}</a>` : nothing}</span>`;
  }

  /** A contact: a web address as a link opened apart, anything else (a phone, an address) as text. */
  private contact(value: string) {
    return isWebAddress(value) ? html`<a href=${value} rel="noopener noreferrer external" target="_blank">${value}</a>` : freeText(value);
  }

  private row(label: string, value: unknown) {
    return html`<dt>${label}</dt><dd>${value === null || value === undefined || value === '' ? t('product.notRecorded') : value}</dd>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-designation-specification': GiDesignationSpecification }
}
