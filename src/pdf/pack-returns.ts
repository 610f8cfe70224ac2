/**
 * Members' and declarants' returns in the pack: a table in the readiness summary of where each
 * one stands (asked, returned, accepted, or outstanding), and, in a person's declaration of
 * interests, that it came from their own return. Pure.
 */
import type { SubjectStatus } from '@/domain/exchange/return-subjects';
import { formatDate } from '@/domain/rules/values';
import type { PackField, PackTable } from './pack-types';

const day = (iso: string | undefined) => (iso ? formatDate(iso.slice(0, 10)) : '');
const parts = { member: 'Member practice', declarant: 'Declaration of interests' };

/** One row per member and declarant; null when no return was asked for. */
export function returnsTable(returns: readonly SubjectStatus[]): PackTable | null {
  if (!returns.some((r) => r.status.kind !== 'not-asked')) return null;
  return {
    columns: ['Name', 'Part', 'Asked on', 'Returned on', 'Where it stands'],
    rows: returns.map(({ subject, status }) => {
      const request = status.kind === 'not-asked' ? undefined : status.request;
      const stands = {
        'not-asked': 'Not asked: entered by the lead provider',
        asked: 'Outstanding',
        returned: 'Returned, not yet accepted',
        accepted: `Accepted on ${day(request?.decided?.at)}`,
        'not-used': 'Returned, not used: outstanding',
      }[status.kind];
      return [subject.name, parts[subject.type], day(request?.askedAt), day(request?.received?.returnedAt), stands];
    }),
  };
}

/** For a declarant whose own return was accepted: where their declaration came from. */
export function declarationSource(returns: readonly SubjectStatus[], itemId: string): PackField[] {
  const found = returns.find((r) => r.subject.itemId === itemId && r.subject.type === 'declarant');
  if (found?.status.kind !== 'accepted') return [];
  const { received, decided } = found.status.request;
  const by = received?.respondent.name ?? found.subject.name;
  return [
    {
      label: 'Source of this declaration',
      value: `Their own return, sent by ${by} on ${day(received?.returnedAt)} and accepted on ${day(decided?.at)}`,
    },
  ];
}
