/** Loads Compare's shipped example pair: the digits at 8 x 8 pixels (A) against the same digits pooled to 4 x 4 (B). */
import { useCompareStore } from '../../state/compareStore';

export function ExampleButton({ testId }: { testId: string }) {
  return (
    <button
      type="button"
      className="link-button"
      data-testid={testId}
      title="A: the 1,797 shipped digits as 8×8 images (64 values); B: the same digits, each 2×2 block of pixels averaged (4×4, 16 values)"
      onClick={() => useCompareStore.getState().loadExample(document.baseURI)}
    >
      Try the example: digits at 8×8 against the same digits pooled to 4×4
    </button>
  );
}
