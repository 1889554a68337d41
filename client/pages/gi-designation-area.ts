import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ProductDesignation } from '../../db/model';
import { LocaleController, t } from '../i18n';
import { renderDate } from '../i18n/dates';
import { freeText, freeTextLang } from '../lib/free-text';
import { sharedStyles } from '../lib/shared-styles';
import { renderSources, sourceListStyles } from './gi-source-list';
import '../lib/gi-scope-list';

/**
 * One designation's protected area on the public product page: its townships and villages as a list by
 * township ("全镇" for a township listed whole), the announcement it comes from and its date, and the
 * announcement's own text in a disclosure. Nothing when the designation has no area kept as codes.
 */
@customElement('gi-designation-area')
export class GiDesignationArea extends LitElement {
  static override styles = [sharedStyles, sourceListStyles, css`
    :host { display: block; }
    article { border: 1px solid var(--gi-border); border-radius: 6px; padding: 0.75rem 1rem; margin-bottom: 1rem; }
    h3 { margin: 0 0 0.25rem; font-size: 1.05rem; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0.5rem 0; }
    dt { color: var(--gi-muted); }
    dd { margin: 0; overflow-wrap: anywhere; }
    summary { cursor: pointer; color: var(--gi-accent); }
    .verbatim { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0.5rem 0 0; }
    @media (max-width: 700px) { dl { grid-template-columns: 1fr; } dt { margin-top: 0.3rem; } }
  `];

  /** The designation, with its area (`scope`). */
  @property({ attribute: false }) designation!: ProductDesignation;

  private readonly i18n = new LocaleController(this);

  override render() {
    const d = this.designation;
    const s = d.scope;
    if (!s) return nothing;
    const gi = t(`giType.${d.giType}`) + (d.markKind ? t('product.paren', { x: t(`markKind.${d.markKind}`) }) : '');
    const id = `area-${d.id}`;
    return html`<article aria-labelledby=${id}>
      <h3 id=${id}>${t('area.of', { gi })}</h3>
      <gi-scope-list .units=${s.units} label=${t('area.listLabel', { gi })}></gi-scope-list>
      <dl>
        ${s.source || d.announcement ? html`<dt>${t('area.announced')}</dt><dd>${d.announcement ? html`<span lang=${ifDefined(freeTextLang())}>${d.announcement}</span>` : nothing}
          ${s.source ? renderSources([s.source]) : nothing}</dd>` : nothing}
        ${s.announcedOn ? html`<dt>${t('area.announcedOn')}</dt><dd>${renderDate(s.announcedOn)}</dd>` : nothing}
      </dl>
      <details><summary>${t('area.verbatim')}</summary><p class="verbatim">${freeText(s.text)}</p></details>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-designation-area': GiDesignationArea }
}
