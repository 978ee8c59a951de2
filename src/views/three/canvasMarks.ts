/** What the view's canvas says about itself in data attributes (for tests and assistive tooling): DOM writes, no React state. */

/** Sets data-`key` on the canvas. */
export function markCanvas(el: HTMLElement, key: 'density' | 'contours' | 'sprites' | 'filtered' | 'peaks', value: string): void {
  el.dataset[key] = value;
}
