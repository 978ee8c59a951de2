/** Compare mode: the two representations and settings on the left, the views in the centre, the measures on the right. */
import { CompareCenter } from './CompareCenter';
import { CompareSetup } from './CompareSetup';
import { CompareStatusBar } from './CompareStatusBar';
import { MeasuresPanel } from './MeasuresPanel';
import './compare.css';

export function CompareMode() {
  return (
    <>
      <CompareSetup />
      <CompareCenter />
      <MeasuresPanel />
      <CompareStatusBar />
    </>
  );
}
