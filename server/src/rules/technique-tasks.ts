/**
 * A task written on a `technique` line (`technique interpersonal-inventory`): the `technique` rule
 * reports it, with a fix that moves it to a `task` line, and the required-task rules count it as
 * done, so the slip is one diagnostic, not a technique warning plus a "the inventory is missing" error.
 */
import type { Catalogue, PhaseName, TaskEntry } from '../language/catalogue-types.js';
import { findEntry } from '../language/catalogue.js';

/**
 * The task a word on a technique line stands for, if it is one: a task id that is not a technique,
 * or a task id that is also a technique's spelling (`psychoeducation`, education of the directive
 * techniques) written in a phase the task belongs to, where it is that phase's task.
 */
export function taskOnTechniqueLine(catalogue: Catalogue, value: string, phase: PhaseName | undefined): TaskEntry | undefined {
  const task = findEntry(catalogue.tasks, value);
  if (!task) return undefined;
  if (!findEntry(catalogue.techniques, value)) return task;
  return task.id === value && phase !== undefined && task.phases.includes(phase) ? task : undefined;
}
