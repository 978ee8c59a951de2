import { describe, expect, it } from 'vitest';
import { normaliseSvg } from './svgGolden';

describe('normaliseSvg', () => {
  it('rounds numbers in attributes to 2 decimals, leaves integers, text and exponents readable', () => {
    const out = normaliseSvg('<svg width="324"><path d="M0,12.345678L-0.0001,3.999999e1"></path><text x="1.005">0.123456</text></svg>');
    expect(out).toBe('<svg width="324">\n<path d="M0,12.35L0,40"></path>\n<text x="1">0.123456</text>\n</svg>\n');
    expect(normaliseSvg('<rect fill="#009E73" stroke="#2e8b57" data-value="1e-7"></rect>')).toBe('<rect fill="#009E73" stroke="#2e8b57" data-value="0"></rect>\n');
  });

  it('renames ids in order of appearance and keeps references pointing at them', () => {
    const out = normaliseSvg('<svg><defs><linearGradient id="heat-gradient"></linearGradient></defs><rect fill="url(#heat-gradient)"></rect><use href="#heat-gradient"></use><rect fill="url(#elsewhere)"></rect></svg>');
    expect(out).toContain('<linearGradient id="id-1">');
    expect(out).toContain('<rect fill="url(#id-1)">');
    expect(out).toContain('<use href="#id-1">');
    expect(out).toContain('url(#elsewhere)');
  });

  it('keeps differences of 0.01 px and above, drops those below 0.005 px', () => {
    expect(normaliseSvg('<rect x="10.001"></rect>')).toBe(normaliseSvg('<rect x="10.004"></rect>'));
    expect(normaliseSvg('<rect x="10.00"></rect>')).not.toBe(normaliseSvg('<rect x="10.01"></rect>'));
  });
});
