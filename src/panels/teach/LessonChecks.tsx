/** The open step's checkpoints: the claims before a check, then each one's verdict on the live run ("...: yes (...)"), and "Check the run now". */
import { LESSONS, findLesson } from '../../teach/lessons';
import { useTeachStore } from '../../teach/teachStore';

export function LessonChecks() {
  const { lessonId, step, running, results, check } = useTeachStore();
  const s = (findLesson(lessonId) ?? LESSONS[0]).steps[step];
  if (!s.checkpoints?.length) return null;
  return (
    <div className="teach-checks" data-testid="lesson-checkpoints">
      <h3>Checkpoints</h3>
      {results ? (
        <ul data-testid="lesson-checks">
          {results.map((r) => (
            <li key={r.text} className={r.pass ? 'teach-pass' : 'teach-fail'} data-pass={r.pass}>
              {r.text}
            </li>
          ))}
        </ul>
      ) : (
        <ul className="teach-pending">
          {s.checkpoints.map((c) => (
            <li key={c.claim}>{c.claim}?</li>
          ))}
        </ul>
      )}
      {!running ? (
        <button type="button" className="link-button" onClick={check} data-testid="lesson-check">
          Check the run now
        </button>
      ) : null}
    </div>
  );
}
