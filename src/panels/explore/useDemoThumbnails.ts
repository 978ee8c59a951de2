/** Gives the view the images of the data on screen: a Projector sprite sheet offered for it (offerSpriteSheet) or named by a dropped projector_config.json, or an example whose vectors are pixels (the digits); clears them for any other data. */
import { useEffect } from 'react';
import { useAnalysisStore } from '../../state/appStore';
import { DEMO_DATASETS, loadDemoPixels } from '../../state/datasets';
import { useViewStore } from '../../state/viewStore';
import { offeredSpriteSheet, pixelThumbnails, setThumbnails, spriteThumbnails } from '../../views/thumbnails';
import type { FileChoices } from '../../workers/analysisProtocol';

/** The sprite sheet a dropped Projector config names, among the files dropped with it. */
function projectorSprite(files: readonly File[], choices: FileChoices | null): { file: File; tile: [number, number] } | null {
  const sprite = choices?.kind === 'projector' ? choices.sprite : undefined;
  const base = sprite?.path.slice(Math.max(sprite.path.lastIndexOf('/'), sprite.path.lastIndexOf('\\')) + 1);
  const file = sprite && files.find((f) => f.name === base);
  return file && sprite ? { file, tile: sprite.tile } : null;
}

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
    const sprite = shown?.kind === 'files' ? projectorSprite(shown.companions ?? [], useAnalysisStore.getState().choices) : null;
    if (sprite && dataVersion > 0) {
      let live = true;
      createImageBitmap(sprite.file).then(
        (image) => {
          if (!live) return;
          setThumbnails(spriteThumbnails(image, sprite.tile[0], sprite.tile[1]));
          bump();
        },
        () => undefined,
      );
      return () => {
        live = false;
      };
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
