/**
 * Where an application stands, as an NHS tag: "Draft", "Ready to export", "Pack exported on 3
 * March 2027" or "Changed since the pack was exported". The words and the rule are the domain's
 * (standing.ts); this only picks the colour and turns the pack's instant into a UK date.
 */
import { standingLabel, type Standing } from '@/domain/application/standing';
import { Tag, type TagColour } from '../nhs/tag';
import { isoDate } from '../session/dates';

const colours: Record<Standing['kind'], TagColour> = {
  draft: 'grey',
  ready: 'green',
  exported: 'blue',
  changed: 'orange',
};

/** The standing's words, with the pack's date as a UK calendar day. */
export function standingText(standing: Standing): string {
  return standingLabel(standing, 'exportedAt' in standing ? isoDate(new Date(standing.exportedAt)) : undefined);
}

export function StandingTag({ standing }: { readonly standing: Standing }) {
  return <Tag colour={colours[standing.kind]}>{standingText(standing)}</Tag>;
}
