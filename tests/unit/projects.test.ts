import {
  averageScore,
  projectPhase,
  projectProgress,
  rateProblem,
  visibleMilestones,
  type Milestone,
} from '../../core/domain/projects';
import { DAY_MS } from '../../core/time';

const milestone = (id: string, date: number, progress: number, spent = 0): Milestone => ({
  id,
  title: id,
  note: '',
  date,
  progress,
  spent,
  photos: [],
});

const plan = [
  milestone('install', 20 * DAY_MS, 80, 9000),
  milestone('design', 2 * DAY_MS, 20, 1000),
  milestone('buy', 10 * DAY_MS, 50, 6000),
];

test('residents see milestones from their date on, in date order; staff see the plan', () => {
  expect(visibleMilestones(plan, 12 * DAY_MS, false).map((m) => m.id)).toEqual(['design', 'buy']);
  expect(visibleMilestones(plan, 12 * DAY_MS, true).map((m) => m.id)).toEqual(['design', 'buy', 'install']);
  expect(visibleMilestones(plan, DAY_MS, false)).toEqual([]);
});

test('progress and money spent come from the milestones reached, never the planned ones', () => {
  expect(projectProgress({ status: 'in_progress', milestones: plan }, 12 * DAY_MS)).toEqual({
    progress: 50,
    spent: 7000,
  });
  expect(projectProgress({ status: 'in_progress', milestones: plan }, 0)).toEqual({ progress: 0, spent: 0 });
  expect(projectProgress({ status: 'completed', milestones: plan }, 12 * DAY_MS)).toEqual({
    progress: 100,
    spent: 7000,
  });
});

test('a project is upcoming before its planned start, then in progress, then completed', () => {
  expect(projectPhase({ status: 'in_progress', plannedStartAt: DAY_MS }, 0)).toBe('upcoming');
  expect(projectPhase({ status: 'in_progress', plannedStartAt: DAY_MS }, DAY_MS)).toBe('in_progress');
  expect(projectPhase({ status: 'completed', plannedStartAt: DAY_MS }, 0)).toBe('completed');
});

test('rating: once, after completion, by someone who voted or took part', () => {
  const ok = { completed: true, rated: false, participated: true };
  expect(rateProblem(ok)).toBeNull();
  expect(rateProblem({ ...ok, completed: false })).toBe('PROJECT_NOT_COMPLETED');
  expect(rateProblem({ ...ok, rated: true })).toBe('PROJECT_ALREADY_RATED');
  expect(rateProblem({ ...ok, participated: false })).toBe('PROJECT_NOT_PARTICIPANT');
  expect(averageScore(14, 3)).toBe(4.7);
  expect(averageScore(0, 0)).toBeNull();
});
