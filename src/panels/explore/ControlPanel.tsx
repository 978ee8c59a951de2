/** The left panel: data, projection, colouring and overlays, ticks, labels, density and images, selection, metadata filters, clustering, exports. */
import { DataSection } from './DataSection';
import { ViewSection } from './ViewSection';
import { ColourSection } from './ColourSection';
import { MarksSection } from './MarksSection';
import { SelectionSection } from './SelectionSection';
import { ExportSection } from './ExportSection';
import { ClusterSection } from './ClusterSection';
import { FilterSection } from './FilterSection';

export function ControlPanel() {
  return (
    <aside className="panel controls" aria-label="Controls">
      <h2 className="panel-title">Explore</h2>
      <DataSection />
      <ViewSection />
      <ColourSection />
      <MarksSection />
      <SelectionSection />
      <FilterSection />
      <ClusterSection />
      <ExportSection />
    </aside>
  );
}
