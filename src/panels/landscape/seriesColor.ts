/** The colour of sweep `key` on the charts and in the legend: the categorical palette in sweep order. */
import { classColor } from '../../views/palette';

export function seriesColor(key: number): string {
  return classColor(key - 1);
}
