/** The app shell: the top bar, the current mode (Explore, Train, Landscape, Compare or Teach), the address notes and the kept file, the one tooltip layer; drop files anywhere. */
import { TopBar } from './panels/TopBar';
import { TooltipLayer } from './panels/TooltipLayer';
import { DropZone } from './panels/DropZone';
import { UrlNotes } from './panels/share/UrlNotes';
import { ExploreMode } from './panels/explore/ExploreMode';
import { TrainMode } from './panels/train/TrainMode';
import { LandscapeMode } from './panels/landscape/LandscapeMode';
import { TeachMode } from './panels/teach/TeachMode';
import { CompareMode } from './panels/compare/CompareMode';
import { useModeStore } from './state/modeStore';
import { usePresent } from './teach/presentStore';
import { usePresentationKeys } from './panels/teach/usePresentationKeys';

export function App() {
  const mode = useModeStore((s) => s.mode);
  const presenting = usePresent((s) => s.on);
  usePresentationKeys();
  return (
    <div className={presenting ? 'app presenting' : 'app'} data-presenting={presenting}>
      <TopBar />
      {mode === 'train' ? <TrainMode /> : mode === 'landscape' ? <LandscapeMode /> : mode === 'compare' ? <CompareMode /> : mode === 'teach' ? <TeachMode /> : <ExploreMode />}
      <UrlNotes />
      <TooltipLayer />
      <DropZone />
    </div>
  );
}
