/**
 * Backups and storage: the storage-health notice, download a backup of everything (optionally
 * protected with a passphrase), import a backup from another computer (asking what to do when an
 * application already exists), and remove all data from this computer.
 */
import { useRef, useState } from 'react';
import { Button } from '@/components/nhs/button';
import { Radios } from '@/components/nhs/choice-fields';
import { FileChooser } from '@/components/nhs/file-chooser';
import { NotificationBanner, WarningCallout } from '@/components/nhs/messages';
import { TextInput } from '@/components/nhs/text-input';
import { navigate } from '@/components/routing/hash-location';
import { usePageTitle } from '@/components/routing/page-title';
import { useAppServices, type BackupInspection } from '@/components/services/app-services';
import { StorageHealth } from '@/components/services/storage-health';
import { saveFile } from '@/components/services/save-file';
import { KeptVersions } from './kept-versions';

export function SettingsPage() {
  const services = useAppServices();
  const [passphrase, setPassphrase] = useState('');
  // Numbered, so each outcome is a new banner that takes focus, and the storage notice is read again.
  const [message, setMessage] = useState<{ text: string; success: boolean; n: number } | null>(null);
  const say = (text: string, success: boolean) => setMessage((m) => ({ text, success, n: (m?.n ?? 0) + 1 }));
  const [file, setFile] = useState<File | null>(null);
  const [inspection, setInspection] = useState<BackupInspection | null>(null);
  const [importPassphrase, setImportPassphrase] = useState('');
  const [existing, setExisting] = useState<'keep-both' | 'replace' | ''>('');
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [reading, setReading] = useState(false);
  // Each read of a chosen file is numbered; a read that ends after another file was chosen is dropped.
  const latestRead = useRef(0);
  usePageTitle('Backups and storage');

  const download = async () => {
    try {
      const { blob, fileName } = await services.backup.exportBackup({ passphrase: passphrase || undefined });
      saveFile(blob, fileName);
      say(`Backup downloaded as ${fileName}. Keep it somewhere safe, such as the practice’s shared drive.`, true);
    } catch (error) {
      say(error instanceof Error ? error.message : 'The backup could not be made.', false);
    }
  };
  /** Reads the file with the passphrase given; only the read of the latest choice is shown. */
  const inspect = async (chosen: File | null, withPassphrase?: string) => {
    const read = ++latestRead.current;
    setReading(chosen !== null);
    let result: BackupInspection | null;
    try {
      result = chosen ? await services.backup.inspectBackup(chosen, withPassphrase) : null;
    } catch (error) {
      const reason = error instanceof Error ? ` (${error.message})` : '';
      result = { ok: false, message: `The file could not be read${reason}. Try choosing it again.` };
    }
    if (read !== latestRead.current) return;
    setInspection(result);
    setReading(false);
  };
  /** A new choice: what was said about the last file goes at once, so it is never taken for this one's. */
  const choose = (chosen: File | null) => {
    setFile(chosen);
    setInspection(null);
    setImportPassphrase('');
    setExisting('');
    void inspect(chosen);
  };
  const runImport = async () => {
    if (!file) return;
    const report = await services.backup.importBackup(file, {
      existing: existing || 'keep-both',
      passphrase: importPassphrase || undefined,
    });
    say(report.message, report.ok);
    if (report.ok) {
      setFile(null);
      setInspection(null);
    }
  };
  const removeAll = async () => {
    await services.removeAllData();
    navigate('/', { replace: true });
    window.location.reload();
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-l">Backups and storage</h1>
        {message ? (
          <NotificationBanner
            key={message.n}
            id="settings-message"
            focus
            success={message.success}
            title={message.success ? 'Done' : 'There is a problem'}
            role="alert"
          >
            <p className="nhsuk-notification-banner__heading">{message.text}</p>
          </NotificationBanner>
        ) : null}
        <StorageHealth here readAgain={message?.n} />
        <h2 className="nhsuk-heading-m">Download a backup</h2>
        <p className="nhsuk-body">
          One file with every application, organisation and attached document on this computer. Use it to move your work
          to another computer, or to recover it.
        </p>
        <TextInput
          id="backup-passphrase"
          label="Passphrase (optional)"
          hint="If you set one, you will need it to open the backup. It cannot be recovered."
          type="password"
          autoComplete="new-password"
          value={passphrase}
          onChange={setPassphrase}
          widthClass="nhsuk-input--width-20"
        />
        <Button onClick={() => void download()}>Download a backup</Button>
        <h2 className="nhsuk-heading-m">Import a backup</h2>
        {/* No button of its own: choosing inspects the file, and "Import backup" follows once it is read. */}
        <FileChooser
          id="backup-file"
          label="Choose a backup file"
          accept=".json,application/json"
          error={inspection && !inspection.ok ? inspection.message : undefined}
          onChoose={(files) => choose(files[0] ?? null)}
        />
        {/* Always in the page, so screen readers announce what is put into it. */}
        <div id="backup-file-status" role="status">
          {reading && file ? <p className="nhsuk-body">Reading {file.name}…</p> : null}
        </div>
        {inspection && !inspection.ok && inspection.needsPassphrase ? (
          <>
            <TextInput
              id="import-passphrase"
              label="Passphrase for this backup"
              type="password"
              value={importPassphrase}
              onChange={setImportPassphrase}
              widthClass="nhsuk-input--width-20"
            />
            <Button variant="secondary" onClick={() => void inspect(file, importPassphrase)}>
              Open backup
            </Button>
          </>
        ) : null}
        {inspection?.ok ? (
          <>
            <p className="nhsuk-body">
              This backup holds {inspection.applications} application{inspection.applications === 1 ? '' : 's'},{' '}
              {inspection.profiles} organisation{inspection.profiles === 1 ? '' : 's'} and {inspection.evidence} file
              {inspection.evidence === 1 ? '' : 's'}.
            </p>
            {inspection.clashes ? (
              <Radios
                id="existing"
                legend={`${inspection.clashes} of these ${inspection.clashes === 1 ? 'is' : 'are'} already on this computer. What should happen?`}
                items={[
                  {
                    value: 'keep-both',
                    label: 'Keep both',
                    hint: 'The imported copy is added alongside the one already here.',
                  },
                  {
                    value: 'replace',
                    label: 'Replace the one on this computer',
                    hint: 'The copy on this computer is overwritten by the backup.',
                  },
                ]}
                value={existing}
                onChange={(v) => setExisting(v as 'keep-both' | 'replace')}
              />
            ) : null}
            <Button onClick={() => void runImport()} disabled={inspection.clashes > 0 && !existing}>
              Import backup
            </Button>
          </>
        ) : null}
        <KeptVersions />
        <h2 className="nhsuk-heading-m">Remove all data from this computer</h2>
        <p className="nhsuk-body">
          Deletes every application, organisation and file this app has stored in this browser, and its offline copy.
          Download a backup first if you may need them.
        </p>
        {confirmRemove ? (
          <WarningCallout heading="Are you sure?">
            <p>This cannot be undone.</p>
            <Button variant="warning" onClick={() => void removeAll()}>
              Yes, remove all data
            </Button>{' '}
            <Button variant="secondary" onClick={() => setConfirmRemove(false)}>
              No, keep my data
            </Button>
          </WarningCallout>
        ) : (
          <Button variant="warning" onClick={() => setConfirmRemove(true)}>
            Remove all data
          </Button>
        )}
      </div>
    </div>
  );
}
