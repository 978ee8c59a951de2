/** Teach mode's URL table: the lesson and the step open (each lesson's link is `?mode=teach&lesson=ID`). */
import { LESSONS } from '../teach/lessons';
import { enumField, numberField, parseFields, writeFields, type Field, type UrlNote } from './fields';

export interface TeachUrlState {
  lesson: string;
  /** 0-based step index. */
  step: number;
}

export const TEACH_BASE: TeachUrlState = { lesson: LESSONS[0].id, step: 0 };

export const TEACH_FIELDS: readonly Field<TeachUrlState>[] = [
  enumField(
    'lesson',
    'the lesson',
    LESSONS.map((l) => l.id),
    { get: (s) => s.lesson, set: (s, lesson) => ({ ...s, lesson, step: 0 }) },
  ),
  numberField('step', 'the step open (0-based)', { min: 0, max: 50, int: true }, { get: (s) => s.step, set: (s, step) => ({ ...s, step }) }),
];

export function parseTeach(params: URLSearchParams): { state: TeachUrlState; notes: UrlNote[] } {
  return parseFields(TEACH_FIELDS, params, TEACH_BASE);
}

export function writeTeach(state: TeachUrlState, params: URLSearchParams): void {
  writeFields(TEACH_FIELDS, state, TEACH_BASE, params);
}

export const TEACH_KEYS: readonly string[] = TEACH_FIELDS.map((f) => f.name);

/** The link of a lesson (relative to the app's base). */
export function lessonLink(id: string): string {
  return `?mode=teach&lesson=${encodeURIComponent(id)}`;
}
