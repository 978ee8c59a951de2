/** The address's values the page did not use, one sentence each, above the mode until dismissed. */
import { useUrlNotes } from '../../url/notesStore';

export function UrlNotes() {
  const notes = useUrlNotes((s) => s.notes);
  const dismiss = useUrlNotes((s) => s.dismiss);
  if (notes.length === 0) return null;
  return (
    <div className="url-notes" role="status" data-testid="url-notes">
      <ul>
        {notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      <button type="button" className="link-button" onClick={dismiss} data-testid="url-notes-dismiss">
        Dismiss
      </button>
    </div>
  );
}
