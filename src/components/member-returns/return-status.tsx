/**
 * Where one member's or declarant's return stands, in words and as an NHS tag: not asked, asked
 * (waiting, with the reply-by date), returned (to check), accepted, or returned and not used. One
 * wording for the returns page, the task list and the readiness panel.
 */
import type { ReturnStatus } from '@/domain/exchange/return-record';
import { Tag, type TagColour } from '@/components/nhs/tag';
import { longDay } from '@/components/session/dates';
import { formatDate } from '@/domain/rules/values';

export function statusWords(status: ReturnStatus): { tag: string; colour: TagColour; text: string } {
  switch (status.kind) {
    case 'not-asked':
      return { tag: 'Not asked', colour: 'grey', text: 'You have not asked for their return.' };
    case 'asked':
      return {
        tag: 'Waiting',
        colour: 'blue',
        text: `Asked on ${longDay(status.request.askedAt)}. Reply by ${formatDate(status.request.replyBy)}.`,
      };
    case 'returned':
      return {
        tag: 'To check',
        colour: 'yellow',
        text: `Asked on ${longDay(status.request.askedAt)}. Returned on ${longDay(status.request.received?.returnedAt ?? status.request.askedAt)}: check it and accept it.`,
      };
    case 'accepted':
      return {
        tag: 'Accepted',
        colour: 'green',
        text: `Asked on ${longDay(status.request.askedAt)}. Returned on ${longDay(status.request.received?.returnedAt ?? status.request.askedAt)}. Accepted on ${longDay(status.request.decided?.at ?? status.request.askedAt)}.`,
      };
    case 'not-used':
      return {
        tag: 'Not used',
        colour: 'orange',
        text: `Returned on ${longDay(status.request.received?.returnedAt ?? status.request.askedAt)} and not used. Make a new request if you still need their return.`,
      };
  }
}

export function ReturnStatusTag({ status }: { readonly status: ReturnStatus }) {
  const words = statusWords(status);
  return <Tag colour={words.colour}>{words.tag}</Tag>;
}
