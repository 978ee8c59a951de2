import { describe, expect, it } from 'vitest';
import { parsePose, poseText, roundedPose } from './exploreCamera';
import { parseUrl, writeUrl } from '../url/urlState';

describe("Explore's camera in the address", () => {
  it('rounds to 3 decimals and reads back its own text', () => {
    const p = roundedPose([1.23456, -0.0004, 2], [0.1, 0, -3.33333], 3);
    expect(p).toEqual({ position: [1.235, 0, 2], target: [0.1, 0, -3.333], dims: 3 });
    expect(poseText(p)).toBe('1.235,0,2,0.1,0,-3.333');
    expect(parsePose(poseText(p), 3)).toEqual(p);
  });

  it('refuses what is not six finite numbers within +-100, with a note; the page keeps the default camera', () => {
    for (const bad of ['1,2,3', '1,2,3,4,5,x', '1,2,3,4,5,6,7', '1,2,,4,5,6', '1,2,3,4,5,1000']) expect(parsePose(bad, 3)).toBeNull();
    const { state, notes } = parseUrl('?cam=1,2,3');
    expect(state.mode === 'explore' && state.explore.camera).toBeNull();
    expect(notes.map((n) => n.field)).toEqual(['cam']);
  });

  it('a pose belongs to its 2D/3D view: after a switch it is left out of the link', () => {
    const { state } = parseUrl('?dims=2&cam=0,0,2,0.5,0.5,0');
    expect(state.mode === 'explore' && state.explore.camera).toEqual({ position: [0, 0, 2], target: [0.5, 0.5, 0], dims: 2 });
    expect(writeUrl(state)).toBe('?dims=2&cam=0%2C0%2C2%2C0.5%2C0.5%2C0');
    if (state.mode !== 'explore') throw new Error('explore');
    expect(writeUrl({ ...state, explore: { ...state.explore, dims: 3 } })).toBe('');
  });
});
