/**
 * The open lesson: its steps, the step's text, its action button and its checkpoints' verdicts on
 * the live run (those of a Landscape lesson in presentation mode sit in their own column, TeachMode.tsx).
 */
import { useLandscapeStore } from '../../state/landscapeStore';
import { useTrainingStore } from '../../state/trainingStore';
import { LESSONS, findLesson } from '../../teach/lessons';
import { useTeachStore } from '../../teach/teachStore';
import { LessonChecks } from './LessonChecks';

export function LessonPanel({ checksHere = true }: { checksHere?: boolean }) {
  const { lessonId, step, running, met, open, goTo, run, stop } = useTeachStore();
  const status = useTrainingStore((s) => s.status);
  const at = useTrainingStore((s) => s.latest?.step ?? 0);
  const sweepReady = useLandscapeStore((s) => s.plan !== null && s.planError === null && s.current?.status !== 'running' && s.current?.status !== 'preparing');
  const lesson = findLesson(lessonId) ?? LESSONS[0];
  const s = lesson.steps[step];
  const sweep = s.action?.kind === 'sweep';
  const blocked = sweep ? !sweepReady : status === 'error' || status === 'building' || status === 'idle';
  const last = step === lesson.steps.length - 1;
  return (
    <aside className="panel teach-panel" data-testid="lesson-panel" aria-label="Lesson">
      <label className="teach-lesson-pick">
        <span className="teach-lesson-caption">Lesson</span>
        {/* The lesson's whole title, wrapped (a closed select cuts a long one); the select lies over it, unseen, and takes the clicks and keys. */}
        <span className="teach-lesson-choice">
          <span className="teach-lesson-name" data-testid="lesson-name" aria-hidden="true">
            {LESSONS.indexOf(lesson) + 1}. {lesson.title}
          </span>
          <select aria-label="Lesson" value={lesson.id} onChange={(e) => open(e.target.value)} data-testid="lesson-select">
            {LESSONS.map((l, i) => (
              <option key={l.id} value={l.id}>
                {i + 1}. {l.title}
              </option>
            ))}
          </select>
        </span>
      </label>
      <p className="teach-summary">{lesson.summary}</p>
      <ol className="teach-steps" aria-label="Steps">
        {lesson.steps.map((x, i) => (
          <li key={x.title}>
            <button type="button" className={i === step ? 'teach-step teach-step-on' : 'teach-step'} aria-current={i === step ? 'step' : undefined} onClick={() => goTo(i)} data-testid={`lesson-step-${i}`}>
              {x.title}
            </button>
          </li>
        ))}
      </ol>
      <section className="teach-body" data-testid="lesson-step" data-step={step}>
        <h2>
          {step + 1}. {s.title}
        </h2>
        <p>{s.text}</p>
        {s.landscape ? (
          <a className="link-button" href={`?mode=landscape&${s.landscape}`} data-testid="lesson-landscape-link">
            Open this sweep in Landscape mode
          </a>
        ) : null}
        {s.action ? (
          <div className="teach-action">
            {running ? (
              <button type="button" className="primary-button" onClick={stop} data-testid="lesson-stop">
                {sweep ? 'Stop the sweep' : `Stop (step ${at})`}
              </button>
            ) : (
              <button type="button" className="primary-button" onClick={run} disabled={blocked} data-testid="lesson-run">
                {s.action.label}
              </button>
            )}
            {met === false ? (
              <p className="teach-warn" data-testid="lesson-unmet">
                {sweep ? 'The sweep did not finish; the checkpoints read the runs it completed.' : 'The goal was not reached within the step budget; the checkpoints say what happened.'}
              </p>
            ) : null}
          </div>
        ) : null}
        {checksHere ? <LessonChecks /> : null}
        <div className="teach-nav">
          <button type="button" className="train-button" disabled={step === 0} onClick={() => goTo(step - 1)} data-testid="lesson-prev">
            Back
          </button>
          <button type="button" className="train-button" disabled={last} onClick={() => goTo(step + 1)} data-testid="lesson-next">
            Next step
          </button>
        </div>
      </section>
    </aside>
  );
}
