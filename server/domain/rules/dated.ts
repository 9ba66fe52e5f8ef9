import type { SourceRef } from './sources.ts';

/** A rule parameter as it stands from a given evaluation year on, with the text that sets it. */
export interface Dated<T> {
  since: number;
  source: SourceRef;
  value: T;
}

/** The version of a parameter in force for an evaluation year (the latest one that has started). */
export function inForce<T>(history: readonly Dated<T>[], year: number): Dated<T> {
  const found = inForceOrNull(history, year);
  if (!found) throw new RangeError(`no rule in force for ${year}`);
  return found;
}

/** For rules that did not exist in earlier years (e.g. a notice's on-site triggers). */
export function inForceOrNull<T>(history: readonly Dated<T>[], year: number): Dated<T> | null {
  let found: Dated<T> | null = null;
  for (const entry of history) if (entry.since <= year && (!found || entry.since > found.since)) found = entry;
  return found;
}
