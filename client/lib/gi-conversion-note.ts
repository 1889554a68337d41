import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ConversionRef, Designation } from '../../db/model';
import { LocaleController, t } from '../i18n';
import { renderDate } from '../i18n/dates';
import { sharedStyles } from './shared-styles';

/** The element with this id in the nearest enclosing root (shadow roots up to the document) that has one. */
function findInEnclosingRoots(from: Node, id: string): HTMLElement | null {
  let root: Node = from.getRootNode();
  for (;;) {
    const found = (root as Document | ShadowRoot).getElementById?.(id) ?? null;
    if (found) return found;
    if (!(root instanceof ShadowRoot)) return null;
    root = root.host.getRootNode();
  }
}

/** What `gi-show-designation` asks for: the designation to bring into view. */
export interface ShowDesignationDetail { designationId: number }

/**
 * A designation's side of a conversion (统一认定), in words with a link to the other side: "已于 2024-09-01
 * 转换为 地理标志保护产品（公告 第646号）" on the converted one, "由 农产品地理标志 转换而来（2024-09-01）" on the one
 * it became; "正在转换" while it is under way. Both sides are on the same product's page: the link goes
 * to the other one's heading there (`hrefOf`, `targetIdOf`) and brings it into view.
 */
@customElement('gi-conversion-note')
export class GiConversionNote extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: block; }
    p { margin: 0.25rem 0 0.5rem; padding: 0.35rem 0.6rem; border-left: 4px solid var(--gi-accent); background: var(--gi-surface); }
  `];

  /** The designation whose side is told (nothing is shown without a link). */
  @property({ attribute: false }) designation: Pick<Designation, 'convertedFrom' | 'convertedTo'> | null = null;
  /** The address of the other designation (on the same page, with its heading's id as the fragment). */
  @property({ attribute: false }) hrefOf: (designationId: number) => string = (id) => `#d${id}`;
  /** The id of the other designation's heading on the page. */
  @property({ attribute: false }) targetIdOf: (designationId: number) => string = (id) => `d${id}`;

  private readonly i18n = new LocaleController(this);

  override render() {
    const d = this.designation;
    if (!d) return nothing;
    return html`${d.convertedTo ? this.renderTo(d.convertedTo) : nothing}${d.convertedFrom ? this.renderFrom(d.convertedFrom) : nothing}`;
  }

  private renderTo(ref: ConversionRef) {
    return html`<p data-conversion="to">${ref.on ? t('conv.toDone', { date: '{date}' }).split('{date}').flatMap((part, i) => (i === 0 ? [part] : [renderDate(ref.on), part]))
      : t('conv.toPending')} ${this.link(ref)}${ref.announcement ? t('conv.announcement', { announcement: ref.announcement }) : nothing}</p>`;
  }

  private renderFrom(ref: ConversionRef) {
    const after = ref.on
      ? t('conv.fromDoneAfter', { date: '{date}' }).split('{date}').flatMap((part, i) => (i === 0 ? [part] : [renderDate(ref.on), part]))
      : t('conv.fromPendingAfter');
    return html`<p data-conversion="from">${t('conv.fromDone')} ${this.link(ref)} ${after}</p>`;
  }

  private link(ref: ConversionRef) {
    return html`<a href=${this.hrefOf(ref.designationId)} @click=${() => this.show(ref.designationId)}>${t(`giType.${ref.giType}`)}</a>`;
  }

  /**
   * Brings the other designation's heading into view and gives it the focus (the router keeps the address):
   * found in an enclosing root (the public page's), or else asked of whoever holds it (`gi-show-designation`:
   * the workspace's cards each keep their heading in their own root).
   */
  private show(designationId: number) {
    const target = findInEnclosingRoots(this, this.targetIdOf(designationId));
    if (!target) {
      this.dispatchEvent(new CustomEvent<ShowDesignationDetail>('gi-show-designation', { detail: { designationId }, bubbles: true, composed: true }));
      return;
    }
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-conversion-note': GiConversionNote }
}
