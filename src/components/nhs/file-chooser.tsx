/**
 * The NHS file chooser: form group, label, hint, error message, `<input type="file">`, and the
 * button that acts on the chosen file(s). It only reports what was chosen; what the files are for,
 * and what the button does with them, is the page's business.
 */
import { describedBy, FormGroup, HintAndError } from './field-parts';
import { Button } from './button';

export interface FileChooserProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  /**
   * The error message. `true` marks the group in error without a message of its own (as
   * nhsuk-frontend's `errorMessage: true`), for a problem told elsewhere on the page.
   */
  readonly error?: string | true;
  readonly accept?: string;
  readonly multiple?: boolean;
  /** Every change of choice, with the files now chosen (none when the choice was cleared). */
  readonly onChoose: (files: readonly File[]) => void;
  /** The button acting on the chosen files; left out when the page acts on them another way. */
  readonly action?: { readonly text: string; readonly onClick: () => void };
  /** The action is running: its button is disabled until it ends. */
  readonly busy?: boolean;
  /** Changing it gives a fresh, empty input, so choosing the same file again is seen. */
  readonly resetKey?: number;
}

export function FileChooser({
  id,
  label,
  hint,
  error,
  accept,
  multiple,
  onChoose,
  action,
  busy,
  resetKey,
}: FileChooserProps) {
  const chrome = { id, hint, error: typeof error === 'string' ? error : undefined };
  return (
    <>
      <FormGroup error={error}>
        <label className="nhsuk-label" htmlFor={id}>
          {label}
        </label>
        <HintAndError chrome={chrome} />
        <input
          key={resetKey}
          className="nhsuk-file-upload__input"
          id={id}
          type="file"
          multiple={multiple}
          accept={accept}
          aria-describedby={describedBy(chrome)}
          onChange={(e) => onChoose(Array.from(e.target.files ?? []))}
        />
      </FormGroup>
      {action ? (
        <Button onClick={action.onClick} disabled={busy}>
          {action.text}
        </Button>
      ) : null}
    </>
  );
}
