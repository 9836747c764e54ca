/**
 * Long runs (annual reports over many years) finish inside Apps Script's 6-minute limit or
 * stop at a safe point, save where they were (document properties) and resume from a
 * time-driven trigger a minute later. The loop itself is pure (clock and steps injected) so
 * the pause-and-resume logic is tested without waiting six minutes.
 */
import {Made} from './output';

export interface JobState {
  readonly kind: 'annual-report';
  readonly years: number[];
  /** Index of the next step to do. */
  next: number;
  made: Made[];
}

/** Stop starting new steps after 4½ minutes: one more annual report fits in what is left. */
export const TIME_BUDGET_MS = 4.5 * 60 * 1000;

export type StepResult = 'done' | 'paused';

/** Runs steps from state.next until all are done or the budget is used; reports progress before each. */
export function runSteps(
  state: JobState,
  /** Makes step `index`'s paper; null when that step has nothing to make. */
  step: (index: number) => Made | null,
  now: () => number,
  budgetMs: number,
  progress: (k: number, n: number) => void,
  save: (s: JobState) => void,
): StepResult {
  const start = now();
  const n = state.years.length;
  while (state.next < n) {
    if (now() - start > budgetMs) {
      save(state);
      return 'paused';
    }
    progress(state.next + 1, n);
    const made = step(state.next);
    if (made) state.made.push(made);
    state.next += 1;
  }
  return 'done';
}

export const JOB_KEY = 'committeeClerk.paperJob';
export const RESUME_HANDLER = 'resumePaperJob';

export function saveJob(state: JobState): void {
  PropertiesService.getDocumentProperties().setProperty(JOB_KEY, JSON.stringify(state));
}

export function loadJob(): JobState | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(JOB_KEY);
  return raw ? (JSON.parse(raw) as JobState) : null;
}

export function clearJob(): void {
  PropertiesService.getDocumentProperties().deleteProperty(JOB_KEY);
}

/** One resume trigger at a time: old ones are removed before a new one is made. */
export function scheduleResume(): void {
  removeResumeTriggers();
  ScriptApp.newTrigger(RESUME_HANDLER)
    .timeBased()
    .after(60 * 1000)
    .create();
}

export function removeResumeTriggers(): void {
  for (const t of ScriptApp.getProjectTriggers())
    if (t.getHandlerFunction() === RESUME_HANDLER) ScriptApp.deleteTrigger(t);
}
