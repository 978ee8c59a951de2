/**
 * Normalised SVG for golden files (the habit of Observable Plot's test/output): numbers inside
 * attribute values rounded to 2 decimals (so float noise below 0.005 px does not count), ids
 * renamed id-1, id-2 ... in order of appearance with every url(#...) / href="#..." reference
 * following them, and one element a line (an empty one with its closing tag) so a diff shows what moved. Text between tags is untouched:
 * a change in a printed value always shows.
 */

/** A decimal or exponent number, not part of a hex colour (#009E73 stays). */
const DECIMAL = /(?<!#[\da-f]*)(?<![\d.])-?(?:\d+\.\d*|\.\d+|\d+(?=e[-+]?\d))(?:e[-+]?\d+)?(?![\d.])/gi;

/** `n` (a decimal in an attribute) rounded to 2 places, without trailing zeros or "-0". */
function round(n: string): string {
  const v = Number(Number(n).toFixed(2));
  return Object.is(v, -0) ? '0' : String(v);
}

/** Markup with attribute numbers rounded, ids renamed in order, one tag a line. */
export function normaliseSvg(markup: string): string {
  const ids = new Map<string, string>();
  for (const m of markup.matchAll(/\sid="([^"]*)"/g)) if (!ids.has(m[1])) ids.set(m[1], `id-${ids.size + 1}`);
  const renamed = markup
    .replace(/\sid="([^"]*)"/g, (_, id: string) => ` id="${ids.get(id)}"`)
    .replace(/url\(#([^)]*)\)/g, (whole, id: string) => (ids.has(id) ? `url(#${ids.get(id)})` : whole))
    .replace(/href="#([^"]*)"/g, (whole, id: string) => (ids.has(id) ? `href="#${ids.get(id)}"` : whole));
  const rounded = renamed.replace(/(\s[\w:-]+=")([^"]*)"/g, (_, name: string, value: string) => `${name}${value.replace(DECIMAL, round)}"`);
  const lines = rounded.replace(/>\s*</g, '>\n<').trim().split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const open = /^<([\w:-]+)(?:\s[^>]*[^/])?>$/.exec(out.at(-1) ?? '');
    if (open && line === `</${open[1]}>`) out[out.length - 1] += line;
    else out.push(line);
  }
  return `${out.join('\n')}\n`;
}
