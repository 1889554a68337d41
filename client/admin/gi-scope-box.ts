import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { CountyCode, ScopeCheckAnswer } from '../../db/model';
import { LocaleController, t } from '../i18n';
import { sharedStyles } from '../lib/shared-styles';
import { adminStyles } from './admin-styles';
import type { FieldErrors } from './field-errors';
import { errorLine, textField } from './fields';
import type { BoxResolution } from './scope-draft';
import { boxWords, givenBoxWords } from './scope-words';

/** Detail of `gi-scope-box`: the official's decision for the box. */
export interface BoxResolutionDetail { resolution: BoxResolution }

type Edge = 'west' | 'east' | 'south' | 'north';
const EDGES: readonly Edge[] = ['west', 'east', 'south', 'north'];
const EDGE_LABEL = { west: 'scope.boxWest', east: 'scope.boxEast', south: 'scope.boxSouth', north: 'scope.boxNorth' } as const;

/**
 * A checked scope's coordinate box in words against the product's counties ("坐标范围在沁水县以外（东侧
 * 283 km）"); a box off the counties must be left out or corrected before saving, and the official says
 * which (a corrected box is checked by the server again). Reports `gi-scope-box`.
 */
@customElement('gi-scope-box')
export class GiScopeBox extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    :host { display: block; margin: 0.5rem 0; }
    .words.off { color: #8b1a10; font-weight: 600; }
    .choice { display: flex; gap: 0.4rem; align-items: baseline; margin: 0.2rem 0; }
    .row .field { max-width: 11rem; }
  `];

  /** The check's answer (its box and box issue). */
  @property({ attribute: false }) answer!: ScopeCheckAnswer;
  /** The product's counties, named in the words. */
  @property({ attribute: false }) productCounties: readonly CountyCode[] = [];
  /** The decision so far (null: none yet). */
  @property({ attribute: false }) resolution: BoxResolution | null = null;
  /** The designation, for unique ids. */
  @property({ type: Number }) designationId = 0;
  /** The save's errors (`box`, `box.east`, …). */
  @property({ attribute: false }) errors: FieldErrors = {};
  /** Whether a save was tried: an undecided box is then marked. */
  @property({ type: Boolean }) showUndecided = false;

  private readonly i18n = new LocaleController(this);

  override render() {
    const a = this.answer;
    const off = a.box?.check.relation === 'off';
    const id = `box-${this.designationId}`;
    return html`<p class="words ${off ? 'off' : ''}" id="${id}-words"><strong>${t('scope.box')}${t('area.colon')}</strong>${boxWords(a, this.productCounties)}</p>
      ${a.box ? html`<p class="hint">${givenBoxWords(a.box.given)}</p>` : nothing}
      ${off ? this.renderChoices(id) : nothing}`;
  }

  private renderChoices(id: string) {
    const r = this.resolution;
    const error = this.errors.box ?? (this.showUndecided && !r ? t('scope.chooseBox') : undefined);
    const radio = (value: 'leave' | 'fix', label: string) => html`<div class="choice">
      <input type="radio" id="${id}-${value}" name=${id} .checked=${r?.how === value} aria-invalid=${error ? 'true' : 'false'}
        @change=${() => this.choose(value)} /><label for="${id}-${value}">${label}</label></div>`;
    return html`<fieldset aria-describedby=${ifDefined(error ? `${id}-error` : `${id}-words`)}>
      <legend>${t('scope.boxHow')}</legend>
      ${radio('leave', t('scope.boxLeaveOut'))}
      ${radio('fix', t('scope.boxFix'))}
      ${r?.how === 'fix' ? html`<div class="row">${EDGES.map((edge) => textField({
        id: `${id}-${edge}`, label: t(EDGE_LABEL[edge]), value: r[edge], error: this.errors[`box.${edge}`],
        onInput: (v) => this.emit({ ...r, [edge]: v }),
      }))}</div>` : nothing}
      ${errorLine(id, error)}
    </fieldset>`;
  }

  private choose(how: 'leave' | 'fix') {
    const given = this.answer.box!.given;
    this.emit(how === 'leave' ? { how } : {
      how, west: String(given.west), east: String(given.east), south: String(given.south), north: String(given.north),
    });
  }

  private emit(resolution: BoxResolution) {
    this.dispatchEvent(new CustomEvent<BoxResolutionDetail>('gi-scope-box', { detail: { resolution }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-scope-box': GiScopeBox }
}
