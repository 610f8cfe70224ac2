/**
 * The advert's details typed in by hand (commissioner, reference, closing and service start
 * dates), for an advert the LMC's config does not list. The rules are the domain's
 * `checkAdvertInput`; this only collects and shows its problems.
 */
import type { AdvertInput, StartProblem } from '@/domain/application/new-application';
import { DateInput } from '@/components/nhs/date-input';
import { TextInput } from '@/components/nhs/text-input';

export function AdvertFields({
  input,
  set,
  errorOf,
}: {
  readonly input: AdvertInput;
  readonly set: <K extends keyof AdvertInput>(key: K, value: AdvertInput[K]) => void;
  readonly errorOf: (field: keyof AdvertInput) => StartProblem | undefined;
}) {
  return (
    <>
      <TextInput
        id="commissioner"
        label="Commissioner"
        hint="The clinical commissioning group or other body that placed the advert"
        error={errorOf('commissioner')?.message}
        value={input.commissioner}
        onChange={(v) => set('commissioner', v)}
      />
      <TextInput
        id="reference"
        label="Advert reference (optional)"
        hint="For example, CMCSU 14/001/A"
        widthClass="nhsuk-input--width-20"
        value={input.reference}
        onChange={(v) => set('reference', v)}
      />
      <DateInput
        id="closingDate"
        legend="Closing date (optional)"
        error={errorOf('closingDate')?.message}
        errorPart={errorOf('closingDate')?.part}
        value={input.closingDate}
        onChange={(v) => set('closingDate', v)}
      />
      <DateInput
        id="serviceStart"
        legend="Service start date (optional)"
        hint="Certificates and insurance are checked against this date. For example, 1 4 2027"
        error={errorOf('serviceStart')?.message}
        errorPart={errorOf('serviceStart')?.part}
        value={input.serviceStart}
        onChange={(v) => set('serviceStart', v)}
      />
    </>
  );
}
