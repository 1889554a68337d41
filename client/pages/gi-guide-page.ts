import { css, html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { AUTHORIZATION_BASES, GI_TYPE_RULES, GI_TYPES, LABELS, STATUS_MEANINGS, STATUSES, type GiType, type MarkKind } from '../../db/model';
import { lang, LocaleController, t } from '../i18n';
// This page's catalogs, loaded with it (client/i18n/catalog.ts).
import '../i18n/guide';
import { markChinese } from '../lib/free-text';
import { setPageTitle } from '../lib/page-title';
import { withLang } from '../lib/router';
import { sharedStyles } from '../lib/shared-styles';

/** CNIPA (国家知识产权局), which grants GI trademarks and GI products and publishes the official GI mark. */
const CNIPA_URL = 'https://www.cnipa.gov.cn/';
/** The Ministry of Agriculture and Rural Affairs (农业农村部), which registered agricultural-product GIs. */
const MOA_URL = 'https://www.moa.gov.cn/';

/**
 * The public guide (/guide): the kinds of GI with their law, grantor and term (from their table,
 * GI_TYPE_RULES), every status with its meaning (the vocabulary's, STATUS_MEANINGS), what an authorised
 * user is (the bases of authorisation), the official GI mark in words, how to check a product, and the
 * authorities. Nothing here is a second list: adding a type or status adds its row.
 */
@customElement('gi-guide-page')
export class GiGuidePage extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: block; padding: 1rem; max-width: 48rem; margin: 0 auto; box-sizing: border-box; width: 100%; }
    h1 { font-size: 1.5rem; margin: 0 0 0.75rem; }
    h2 { font-size: 1.2rem; margin: 1.75rem 0 0.5rem; border-bottom: 1px solid var(--gi-border); padding-bottom: 0.25rem; }
    h3 { font-size: 1.05rem; margin: 1rem 0 0.25rem; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 0.75rem; margin: 0.25rem 0; }
    dt { font-weight: 600; }
    dd { margin: 0; }
    .type { border-left: 4px solid var(--gi-border); padding-left: 0.75rem; }
    .statuses dt { white-space: nowrap; }
    .note { color: var(--gi-muted); font-size: 0.9rem; }
    @media (max-width: 30rem) { dl { grid-template-columns: 1fr; } dd { margin-bottom: 0.5rem; } }
  `];

  private readonly i18n = new LocaleController(this);

  override updated(): void {
    setPageTitle(t('guide.heading'));
  }

  override render() {
    const l = lang();
    return html`
      <h1>${t('guide.heading')}</h1>
      <p>${markChinese(t('guide.intro'))}</p>

      <section aria-labelledby="types">
        <h2 id="types">${t('guide.typesHeading')}</h2>
        ${GI_TYPES.map((g) => this.renderType(g))}
        <p class="note">${markChinese(t('guide.sources'))}</p>
      </section>

      <section aria-labelledby="statuses">
        <h2 id="statuses">${t('guide.statusesHeading')}</h2>
        <dl class="statuses">
          ${STATUSES.map((s) => html`<dt>${LABELS.status[s][l]}</dt><dd>${STATUS_MEANINGS[s][l]}</dd>`)}
        </dl>
      </section>

      <section aria-labelledby="users">
        <h2 id="users">${t('guide.usersHeading')}</h2>
        <p>${markChinese(t('guide.usersText'))}</p>
        <ul>${AUTHORIZATION_BASES.map((b) => html`<li>${LABELS.basis[b][l]}</li>`)}</ul>
        <p>${markChinese(t('guide.usersCheck', { page: t('verify.title') }))} <a href=${withLang('/verify')}>${t('verify.title')}</a></p>
      </section>

      <section aria-labelledby="mark">
        <h2 id="mark">${markChinese(t('guide.markHeading'))}</h2>
        <p>${markChinese(t('guide.markText'))}</p>
        <p><a href=${CNIPA_URL} rel="noopener">${markChinese(t('guide.markLink'))}</a></p>
      </section>

      <section aria-labelledby="check">
        <h2 id="check">${t('guide.checkHeading')}</h2>
        <ol>
          <li>${t('guide.checkMap')}</li>
          <li>${t('guide.checkList')}</li>
          <li>${t('guide.checkProduct')}</li>
          <li>${t('guide.checkVerify', { page: t('verify.title') })}</li>
        </ol>
        <p><a href=${withLang('/')}>${t('guide.mapLink')}</a> · <a href=${withLang('/verify')}>${t('verify.title')}</a></p>
      </section>

      <section aria-labelledby="authorities">
        <h2 id="authorities">${t('guide.authoritiesHeading')}</h2>
        <ul>
          <li><a href=${CNIPA_URL} rel="noopener">${markChinese(t('guide.cnipa'))}</a> — ${CNIPA_URL}</li>
          <li><a href=${MOA_URL} rel="noopener">${markChinese(t('guide.moa'))}</a> — ${MOA_URL}</li>
        </ul>
      </section>`;
  }

  /** One kind of GI: what it is, its law, who grants it, its term, its marks, and whether it still takes registrations. */
  private renderType(g: GiType) {
    const l = lang();
    const rules = GI_TYPE_RULES[g];
    const kinds = Object.keys(rules.markKinds) as MarkKind[];
    const target = rules.convertsTo;
    return html`
      <div class="type">
        <h3>${rules.label[l]}</h3>
        <p>${markChinese(rules.about[l])}</p>
        <dl>
          <dt>${t('guide.law')}</dt><dd>${markChinese(rules.law[l])}</dd>
          <dt>${t('guide.grantedBy')}</dt><dd>${markChinese(rules.grantedBy[l])}</dd>
          ${kinds.length === 0 ? '' : html`<dt>${t('guide.marksAs')}</dt><dd>${kinds.map((k) => LABELS.markKind[k][l]).join(l === 'zh' ? '、' : ', ')}</dd>`}
          <dt>${t('guide.term')}</dt><dd>${rules.termYears === null ? t('guide.noTerm') : t('guide.termYears', { years: rules.termYears })}</dd>
        </dl>
        <p>${rules.closedSince === null ? t('guide.open') : t('guide.closed', { year: rules.closedSince })}
          ${target === null ? '' : t('guide.converts', { target: LABELS.giType[target][l] })}</p>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-guide-page': GiGuidePage }
}
