/** Gives the view the images of the data on screen: a Projector sprite sheet offered for it (offerSpriteSheet), or an example whose vectors are pixels (the digits); clears them for any other data. */
import { useEffect } from 'react';
import { useAnalysisStore } from '../../state/appStore';
import { DEMO_DATASETS, loadDemoPixels } from '../../state/datasets';
import { useViewStore } from '../../state/viewStore';
import { offeredSpriteSheet, pixelThumbnails, setThumbnails, spriteThumbnails } from '../../views/thumbnails';

export function useDemoThumbnails(): void {
  const shown = useAnalysisStore((s) => s.shownSource);
  const dataVersion = useAnalysisStore((s) => s.dataVersion);
  useEffect(() => {
    const bump = useViewStore.getState().bumpThumbnails;
    setThumbnails(null);
    bump();
    const sheet = shown && dataVersion > 0 ? offeredSpriteSheet(shown.name) : null;
    if (sheet) {
      setThumbnails(spriteThumbnails(sheet.image, sheet.singleImageDim[0], sheet.singleImageDim[1]));
      bump();
      return;
    }
    const demo = shown && shown.kind === 'url' ? DEMO_DATASETS.find((d) => d.id === shown.name) : undefined;
    if (!demo?.image || dataVersion === 0) return;
    const { width, height } = demo.image;
    let live = true;
    loadDemoPixels(demo, document.baseURI).then(
      (px) => {
        if (!live || !px) return;
        setThumbnails(pixelThumbnails(px.data, px.rows, width, height));
        bump();
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [shown, dataVersion]);
}
