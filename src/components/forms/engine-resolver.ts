/**
 * The react-hook-form resolver that adapts the rules engine's issues to field errors, so that a
 * page validates with exactly the rules the review page, readiness and the PDF use. It holds no
 * rule itself: `issuesFor` runs the engine on the page's values merged with every other answer.
 *
 * Only blocking issues stop a page; hard fails and warnings are shown beside the answer but do
 * not stop the user moving on (the answer is valid, it just has consequences).
 */
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { Issue } from '@/domain/rules/issues';

export interface EngineResolverOptions<V extends FieldValues> {
  /** Runs the engine for these form values and returns the issues for this page's fields. */
  readonly issuesFor: (values: V) => readonly Issue[];
  /** The form field an issue belongs to. */
  readonly fieldOf: (issue: Issue) => string;
}

export function engineResolver<V extends FieldValues>({ issuesFor, fieldOf }: EngineResolverOptions<V>): Resolver<V> {
  return (values) => {
    const errors: Record<string, { type: string; message: string }> = {};
    for (const issue of issuesFor(values)) {
      if (issue.severity !== 'blocking') continue;
      const name = fieldOf(issue);
      // The first problem of a field is the one to fix first; the summary shows one per field.
      errors[name] ??= { type: issue.part ? `${issue.code}:${issue.part}` : issue.code, message: issue.message };
    }
    return Object.keys(errors).length === 0
      ? { values, errors: {} }
      : { values: {}, errors: errors as unknown as FieldErrors<V> };
  };
}
