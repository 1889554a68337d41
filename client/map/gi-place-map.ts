import { css, html, LitElement, nothing, unsafeCSS } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { AreaGeometry, CountyCode, Product } from '../../db/model';
import { api, type CountyCollection, type ProductPointCollection } from '../lib/api';
import { localName, LocaleController, t } from '../i18n';
import { sharedStyles } from '../lib/shared-styles';
import { renderTask } from '../lib/task-view';
import { FOCUS_FILL } from './county-style';
import { mapConfig } from './map-config';
import './gi-map';

/** A product's places and the counties it is shown on. */
interface ProductPlaces { points: ProductPointCollection; focus: CountyCode[] }

/**
 * A small map of one product (for its page): its places at the precision they are known (an exact,
 * village or township place as a marker; a county-level place as its county filled and outlined, never a
 * pin), its protected area where a polygon is drawn, the city outline and the county seats for reference,
 * and the 审图号 and boundaries' credit. The places are the ones the public map shows
 * (/api/products.geojson), so both maps say the same. It draws through <gi-map>, the one element that
 * touches Leaflet.
 */
@customElement('gi-place-map')
export class GiPlaceMap extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: block; }
    gi-map { height: var(--gi-place-map-height, 280px); border: 1px solid var(--gi-border); }
    .key { display: flex; align-items: center; gap: 0.35rem; margin: 0.25rem 0 0; font-size: 0.85rem; color: var(--gi-muted); }
    .swatch { width: 14px; height: 10px; border: 2px solid #8a4b00; background: ${unsafeCSS(FOCUS_FILL)}; flex: none; }
  `];

  /** The product to map: its id, names and counties (its places are read by the element). */
  @property({ attribute: false }) product: Pick<Product, 'id' | 'nameZh' | 'nameEn' | 'counties'> | null = null;
  /** The protected area's polygon, where one is drawn (null: none). */
  @property({ attribute: false }) area: AreaGeometry | null = null;
  /** The counties (GET /api/counties.geojson) when the page has them; null: the element reads them itself. */
  @property({ attribute: false }) counties: CountyCollection | null = null;

  private readonly i18n = new LocaleController(this);
  private readonly config = new Task(this, { task: () => mapConfig(), args: () => [] as const });
  private readonly ownCounties = new Task(this, {
    task: ([given], { signal }) => given ?? api.countiesGeoJson(signal),
    args: () => [this.counties] as const,
  });
  private readonly places = new Task(this, {
    task: async ([product], { signal }): Promise<ProductPlaces | null> => {
      if (!product) return null;
      // The public map's own answer for this name, narrowed to this product (a name may be part of another's).
      const all = await api.productPoints({ q: product.nameZh }, signal);
      const features = all.features.filter((f) => f.properties.productId === product.id);
      const points: ProductPointCollection = { type: 'FeatureCollection', features };
      const countyLevel = features.filter((f) => !f.geometry && f.properties.precision !== null);
      const fromPlaces = countyLevel.flatMap((f) => (f.properties.countyCode ? [f.properties.countyCode] : f.properties.counties));
      // No county-level place and no point either (or an archived product the map leaves out): of its counties, known no closer.
      const noPlace = features.every((f) => f.properties.precision === null);
      const focus = [...new Set(fromPlaces.length > 0 || !noPlace ? fromPlaces : product.counties)];
      return { points, focus };
    },
    args: () => [this.product] as const,
  });

  override render() {
    const product = this.product;
    if (!product) return nothing;
    return renderTask(this.ownCounties, (counties) => renderTask(this.places, (places) => {
      if (!places) return nothing;
      const config = this.config.value;
      return html`<gi-map .variant=${'place'} .counties=${counties} .points=${places.points}
          .focusCounties=${places.focus} .area=${this.area} .legend=${false}
          .tiles=${config?.tiles ?? null} .approvalNo=${config?.approvalNo ?? null} .boundarySource=${config?.boundarySource ?? null}
          .label=${t(this.area ? 'place.mapArea' : 'place.map', { name: localName(product) })}></gi-map>
        ${places.focus.length > 0 ? html`<p class="key"><span class="swatch" aria-hidden="true"></span>${t('place.countyKey')}</p>` : nothing}`;
    }));
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-place-map': GiPlaceMap }
}
