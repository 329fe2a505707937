/**
 * 微实事 projects: what a winning proposal becomes. The project page is the 公示 of its progress,
 * so these rules decide what residents see: milestones only from their date, progress and money
 * from the milestones they can see, and who may rate a finished project.
 */
import { AppError, type ErrorCode } from '../errors';
import type { EpochMs } from '../time';

export const PROJECT_STATUSES = ['in_progress', 'completed'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const PROJECT_PHASES = ['upcoming', 'in_progress', 'completed'] as const;
export type ProjectPhase = (typeof PROJECT_PHASES)[number];
export const PROJECT_PHASE_LABELS: Record<ProjectPhase, string> = {
  upcoming: '待实施',
  in_progress: '实施中',
  completed: '已完成',
};

export function projectPhase(
  project: { status: ProjectStatus; plannedStartAt: EpochMs },
  now: EpochMs,
): ProjectPhase {
  if (project.status === 'completed') return 'completed';
  return now < project.plannedStartAt ? 'upcoming' : 'in_progress';
}

export interface Milestone {
  id: string;
  title: string;
  note: string;
  /** When it happens (or happened); residents see it from this time. */
  date: EpochMs;
  /** The project's progress once this milestone is reached, 0–100. */
  progress: number;
  /** Money spent in this step, in 元. */
  spent: number;
  photos: string[];
}

/** Milestones by date; residents see only those whose date has come, staff see the plan too. */
export function visibleMilestones<M extends Milestone>(
  milestones: readonly M[],
  now: EpochMs,
  isStaff: boolean,
): M[] {
  return milestones
    .filter((m) => isStaff || m.date <= now)
    .sort((a, b) => a.date - b.date || (a.id < b.id ? -1 : 1));
}

/**
 * Progress and spending as residents see them: from the milestones already reached, so a planned
 * step never shows as done. A completed project is at 100%.
 */
export function projectProgress(
  project: { status: ProjectStatus; milestones: readonly Milestone[] },
  now: EpochMs,
): { progress: number; spent: number } {
  const reached = project.milestones.filter((m) => m.date <= now);
  const spent = reached.reduce((sum, m) => sum + m.spent, 0);
  if (project.status === 'completed') return { progress: 100, spent };
  return { progress: reached.reduce((max, m) => Math.max(max, m.progress), 0), spent };
}

export function assertPlannedDates(startAt: EpochMs, endAt: EpochMs): void {
  if (endAt < startAt) throw new AppError('INVALID_INPUT', '计划完成时间不能早于开始时间');
}

export const RATING_LABELS: Record<number, string> = {
  1: '很不满意',
  2: '不满意',
  3: '一般',
  4: '满意',
  5: '很满意',
};

/** Who may rate: residents who voted in its round or took part in its events, once, after completion. */
export function rateProblem(r: {
  completed: boolean;
  rated: boolean;
  participated: boolean;
}): ErrorCode | null {
  if (!r.completed) return 'PROJECT_NOT_COMPLETED';
  if (r.rated) return 'PROJECT_ALREADY_RATED';
  if (!r.participated) return 'PROJECT_NOT_PARTICIPANT';
  return null;
}

/** The average 满意度 to one decimal, or null before anyone rated. */
export function averageScore(sum: number, count: number): number | null {
  return count > 0 ? Math.round((sum / count) * 10) / 10 : null;
}
