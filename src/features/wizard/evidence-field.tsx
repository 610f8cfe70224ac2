/**
 * Evidence for a question: attach a file (kept on this computer), give its valid-until date when
 * the document expires, or choose a file already attached for this organisation. Files belong to
 * the organisation, so one certificate serves every application.
 */
import { useState, type ChangeEvent } from 'react';
import { isStringList } from '@/domain/answers/answer-value';
import { evidenceUses, fileDetails } from '@/domain/answers/evidence-uses';
import { formatFileSize } from '@/domain/answers/format-answer';
import type { EvidenceMeta } from '@/domain/application/application';
import { StorageFailure } from '@/domain/ports';
import { dateFromParts, formatDate } from '@/domain/rules/values';
import { DateInput } from '@/components/nhs/date-input';
import { ErrorMessage, FormGroup, Hint, errorId, hintId } from '@/components/nhs/field-parts';
import { useAppServices } from '@/components/services/app-services';
import { useApplicationSession } from '@/components/session/application-session';
import type { FieldProps } from './field-props';

export function EvidenceField(p: FieldProps) {
  const { repositories } = useAppServices();
  const session = useApplicationSession();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const question = p.question;
  if (question.type !== 'evidence') return null;
  const ids = isStringList(p.value) ? p.value : [];
  const attached = ids.map((id) => session.evidence.find((e) => e.id === id)).filter((e): e is EvidenceMeta => !!e);
  const others = session.evidence
    .filter((e) => !ids.includes(e.id))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.addedAt.localeCompare(b.addedAt));
  const uses = others.length || attached.length ? evidenceUses(session.checklist, session.answers) : new Map();
  const error = problem ?? p.error?.message;

  const attach = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      const meta = await repositories.evidence.add(
        { profileId: session.profile.id, name: file.name, type: file.type, questionIds: [question.id] },
        file,
      );
      p.onChange([...ids, meta.id]);
    } catch (e) {
      setProblem(
        e instanceof StorageFailure ? e.message : 'The file could not be saved. Try again, or choose a smaller file.',
      );
    } finally {
      setBusy(false);
    }
  };
  const choose = (id: string) => {
    const meta = session.evidence.find((e) => e.id === id);
    if (meta && !meta.questionIds.includes(question.id))
      void repositories.evidence.update({ ...meta, questionIds: [...meta.questionIds, question.id] });
    p.onChange([...ids, id]);
  };
  const setValidUntil = (meta: EvidenceMeta, parts: { day: string; month: string; year: string }) => {
    const iso = dateFromParts(parts.day, parts.month, parts.year);
    if (iso && iso !== meta.validUntil) void repositories.evidence.update({ ...meta, validUntil: iso });
  };

  return (
    <FormGroup error={error}>
      <h2 className="nhsuk-heading-s app-evidence__label">{question.label}</h2>
      <Hint id={hintId(p.domId)}>
        {question.documents}. {question.hint ?? ''} PDF, Word, OpenDocument, Excel, PNG, JPEG or text, up to 10 MB.
      </Hint>
      {error ? <ErrorMessage id={errorId(p.domId)}>{error}</ErrorMessage> : null}
      {attached.length ? (
        <ul className="nhsuk-list app-evidence__list">
          {attached.map((meta) => (
            <li key={meta.id} className="app-evidence__item">
              <p className="nhsuk-body nhsuk-u-margin-bottom-2">
                <strong>{meta.name}</strong> ({formatFileSize(meta.size)}, attached{' '}
                {formatDate(meta.addedAt.slice(0, 10))}
                {meta.validUntil ? `, valid until ${formatDate(meta.validUntil)}` : ''}){' '}
                <button
                  type="button"
                  className="app-link-button"
                  onClick={() => p.onChange(ids.filter((i) => i !== meta.id))}
                >
                  Remove <span className="nhsuk-u-visually-hidden">{meta.name}</span>
                </button>
              </p>
              {question.expires ? <ValidUntil meta={meta} onSet={(parts) => setValidUntil(meta, parts)} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="nhsuk-form-group nhsuk-file-upload">
        <label className="nhsuk-label" htmlFor={`${p.domId}-file`}>
          {attached.length ? 'Attach another file' : 'Attach a file'}
        </label>
        <input
          className="nhsuk-file-upload__input"
          id={`${p.domId}-file`}
          type="file"
          disabled={busy}
          aria-describedby={[hintId(p.domId), error ? errorId(p.domId) : ''].filter(Boolean).join(' ')}
          onChange={(e) => void attach(e)}
        />
      </div>
      {others.length ? (
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor={`${p.domId}-existing`}>
            Or choose a file already attached for this organisation
          </label>
          <select
            className="nhsuk-select"
            id={`${p.domId}-existing`}
            defaultValue=""
            onChange={(e) => e.target.value && choose(e.target.value)}
          >
            <option value="">Choose a file</option>
            {others.map((meta) => (
              <option key={meta.id} value={meta.id}>
                {meta.name} ({fileDetails(meta, uses.get(meta.id))})
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {busy ? (
        <p className="nhsuk-body-s" role="status">
          Saving the file on this computer…
        </p>
      ) : null}
    </FormGroup>
  );
}

function ValidUntil({
  meta,
  onSet,
}: {
  readonly meta: EvidenceMeta;
  readonly onSet: (parts: { day: string; month: string; year: string }) => void;
}) {
  const [y = '', m = '', d = ''] = (meta.validUntil ?? '').split('-');
  const [parts, setParts] = useState({ day: d.replace(/^0/, ''), month: m.replace(/^0/, ''), year: y });
  return (
    <DateInput
      id={`valid-until-${meta.id}`}
      legend={`Valid until (${meta.name})`}
      hint="The expiry or renewal date on the document, for example 31 3 2027"
      value={parts}
      onChange={setParts}
      onBlur={() => onSet(parts)}
    />
  );
}
