/** Which file this browser keeps for the next visit, with "Forget this file" (in Explore's Data section, under the file it names). */
import { useModeStore } from '../../state/modeStore';
import { forgetKeptFiles, useKeptFile } from '../../url/keptFile';

export function KeptFileBar() {
  const mode = useModeStore((s) => s.mode);
  const { name, error } = useKeptFile();
  if (mode !== 'explore' || (!name && !error)) return null;
  return (
    <div className="kept-file" role="status" data-testid="kept-file">
      {name ? (
        <>
          <span>
            <strong>{name}</strong> is kept in this browser (never uploaded) and reopens on reload.
          </span>
          <button type="button" className="link-button" onClick={() => void forgetKeptFiles()} data-testid="forget-file">
            Forget this file
          </button>
        </>
      ) : (
        <span data-testid="kept-file-error">{error}</span>
      )}
    </div>
  );
}
