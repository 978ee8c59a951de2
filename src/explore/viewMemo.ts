/** The last view the worker computed per dataset (a copy: the reply's buffers are transferred), for requests about the view on screen. */
import type { ViewResult } from './viewProtocol';
import type { ViewSpec } from './views';

const keyOf = (spec: ViewSpec) => JSON.stringify(spec);

export class ViewMemo {
  private last: { dataset: number; key: string; view: ViewResult } | null = null;

  /** Remembers v (copied) as dataset's latest view. */
  keep(dataset: number, v: ViewResult): void {
    this.last = { dataset, key: keyOf(v.view), view: { ...v, coords: v.coords.slice(), sample: v.sample ? v.sample.slice() : null } };
  }

  /** The remembered view of dataset with this spec, or null. */
  get(dataset: number, spec: ViewSpec): ViewResult | null {
    const l = this.last;
    return l && l.dataset === dataset && l.key === keyOf(spec) ? l.view : null;
  }
}
