/**
 * A save that failed (the disk or the browser's space is full, or storage broke), shown above the
 * page as soon as it happens: what it means in plain English, a backup of this application that
 * includes the changes not saved, and "try again" for when space has been freed.
 */
import { useState } from 'react';
import { Button, ButtonGroup } from '../nhs/button';
import { saveFile } from '../services/save-file';
import { useApplicationSession } from './application-session';

export function SaveFailurePanel() {
  const session = useApplicationSession();
  const [note, setNote] = useState<string | null>(null);
  const { failure } = session;
  if (!failure) return null;

  const download = async () => {
    try {
      const { blob, fileName } = await session.backup();
      saveFile(blob, fileName);
      setNote(`Backup downloaded as ${fileName}. It includes the changes that could not be saved.`);
    } catch (error) {
      setNote(error instanceof Error ? error.message : 'The backup could not be made.');
    }
  };

  return (
    <div className="nhsuk-warning-callout app-save-failure" role="alert" id="save-failure">
      <h2 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>Your latest changes have not been saved
        </span>
      </h2>
      <p>{failure.message}</p>
      {note ? <p role="status">{note}</p> : null}
      <ButtonGroup>
        <Button onClick={() => void download()}>Download a backup of this application</Button>
        <Button variant="secondary" onClick={() => void session.flush(true)}>
          Try saving again
        </Button>
      </ButtonGroup>
    </div>
  );
}
