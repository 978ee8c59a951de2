import { describe, expect, it } from 'vitest';
import { cutToWidth, distinctLabelsToWidth, endEllipsis, middleEllipsis, shortLabels, shortLabelsToWidth, startEllipsis } from './shortLabels';

describe('short class labels', () => {
  it('cuts in the middle or at the end to the length asked, and keeps short names', () => {
    expect(middleEllipsis('Trouser', 16)).toBe('Trouser');
    expect(middleEllipsis('Quercus_robur_subspecies_04', 16)).toBe('Quercus…ecies_04');
    expect([...middleEllipsis('Quercus_robur_subspecies_04', 16)]).toHaveLength(16);
    expect(middleEllipsis('αβγδεζηθικλμ', 5)).toBe('αβ…λμ');
    expect(endEllipsis('automobile', 8)).toBe('automob…');
  });

  it('keeps a set of labels apart: the end cut when it does, else the middle cut; says when neither does', () => {
    const start = ['Quercus_robur_subspecies_00', 'Quercus_robur_subspecies_04', 'oak'];
    expect(shortLabels(start, 16)).toEqual({ labels: ['Quercus…ecies_00', 'Quercus…ecies_04', 'oak'], distinct: true });
    const end = ['Quercus_species_00_leaf_outline', 'Quercus_species_03_leaf_outline'];
    expect(shortLabels(end, 19)).toEqual({ labels: ['Quercus_species_00…', 'Quercus_species_03…'], distinct: true });
    expect(shortLabels(end, 8).distinct).toBe(false);
    expect(shortLabels(['a', 'a'], 8)).toEqual({ labels: ['a', 'a'], distinct: true });
  });

  it('cuts to a width in the font (here one unit per character), keeping the set apart', () => {
    const w = (s: string) => s.length;
    expect(cutToWidth('abcdefghij', 20, w, middleEllipsis)).toBe('abcdefghij');
    expect(cutToWidth('abcdefghij', 7, w, middleEllipsis)).toBe('abc…hij');
    expect(shortLabelsToWidth(['abcdefgh_1', 'abcdefgh_2', 'x'], 7, w)).toEqual(['abc…h_1', 'abc…h_2', 'x']);
    expect(shortLabelsToWidth(['a1_suffix', 'a2_suffix'], 4, w)).toEqual(['a1_…', 'a2_…']);
  });

  it('distinct cuts to a width: the end cut, else the middle, else the start; null when none keeps the names apart', () => {
    const w = (t: string) => [...t].length * 10;
    expect(startEllipsis('Quercus_species_00_leaf_outline', 16)).toBe('…00_leaf_outline');
    expect(distinctLabelsToWidth(['cat', 'automobile'], 80, w)).toEqual(['cat', 'automob…']);
    expect(distinctLabelsToWidth(['Quercus_robur_subspecies_00', 'Quercus_robur_subspecies_04'], 120, w)).toEqual(['Querc…ies_00', 'Querc…ies_04']);
    const leaves = ['Quercus_species_00_leaf_outline', 'Quercus_species_03_leaf_outline', 'class-01'];
    expect(distinctLabelsToWidth(leaves, 160, w)).toEqual(['…00_leaf_outline', '…03_leaf_outline', 'class-01']);
    expect(distinctLabelsToWidth(['prefix_long_1_suffix_long', 'prefix_long_2_suffix_long'], 60, w)).toBeNull();
  });
});
