/**
 * Keeps a scaled SVG chart's text readable: a chart drawn in a fixed viewBox shrinks with the screen, and
 * its 11px labels became about 6px on a phone. This controller sets `--gi-chart-scale` on its host (the
 * viewBox's width over the drawn width, at least 1), so a stylesheet writes `calc(11px * var(--gi-chart-scale, 1))`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Sets `--gi-chart-scale` on its host from the drawn width of the host's `svg[viewBox]`. */
export class ChartTextController implements ReactiveController {
  private readonly observer = new ResizeObserver(() => this.measure());
  private observed: Element | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement, private readonly viewBoxWidth: number) {
    host.addController(this);
  }

  hostUpdated(): void {
    const svg = this.host.shadowRoot?.querySelector('svg[viewBox]') ?? null;
    if (svg === this.observed) return;
    this.observer.disconnect();
    this.observed = svg;
    if (svg) this.observer.observe(svg);
  }

  hostDisconnected(): void {
    this.observer.disconnect();
    this.observed = null;
  }

  private measure(): void {
    const width = this.observed?.getBoundingClientRect().width ?? 0;
    const scale = width > 0 ? Math.max(1, this.viewBoxWidth / width) : 1;
    this.host.style.setProperty('--gi-chart-scale', scale.toFixed(3));
  }
}
