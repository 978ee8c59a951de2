/**
 * One tooltip for the whole app. Any element with aria-describedby pointing at a hidden `.tip`
 * element shows that element's content on hover or keyboard focus, placed by the host's
 * data-tip-placement ('left' | 'bottom' | 'top', default 'bottom'). DOM updates only; no React state.
 */
import { useEffect, useRef } from 'react';
import { listen } from '../views/listen';

const GAP = 10;

function tipHost(target: EventTarget | null): { host: HTMLElement; tip: HTMLElement } | null {
  const host = target instanceof Element ? target.closest<HTMLElement>('[aria-describedby]') : null;
  const id = host?.getAttribute('aria-describedby');
  const tip = id ? document.getElementById(id) : null;
  return host && tip?.classList.contains('tip') ? { host, tip } : null;
}

function place(layer: HTMLElement, host: HTMLElement): void {
  const r = host.getBoundingClientRect();
  const w = layer.offsetWidth;
  const h = layer.offsetHeight;
  const where = host.dataset.tipPlacement ?? 'bottom';
  let x = r.left + r.width / 2 - w / 2;
  let y = r.bottom + GAP;
  if (where === 'left') {
    x = r.left - w - GAP;
    y = r.top + r.height / 2 - h / 2;
  } else if (where === 'top') y = r.top - h - GAP;
  x = Math.max(8, Math.min(window.innerWidth - w - 8, x));
  y = Math.max(8, Math.min(window.innerHeight - h - 8, y));
  layer.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
}

export function TooltipLayer() {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let current: HTMLElement | null = null;
    const show = (e: Event) => {
      const layer = ref.current;
      const found = tipHost(e.target);
      if (!layer || !found || found.host === current) return;
      current = found.host;
      layer.replaceChildren(...Array.from(found.tip.childNodes, (n) => n.cloneNode(true)));
      layer.style.visibility = 'visible';
      place(layer, found.host);
    };
    const hide = (e: Event) => {
      const next = (e as PointerEvent | FocusEvent).relatedTarget;
      if (current && next instanceof Node && current.contains(next)) return;
      current = null;
      if (ref.current) ref.current.style.visibility = 'hidden';
    };
    return listen(document, { pointerover: show, focusin: show, pointerout: hide, focusout: hide });
  }, []);
  return <div ref={ref} className="tooltip-layer" data-testid="tooltip-layer" aria-hidden="true" />;
}
