// The question page in the app's real services and session (in-memory storage): the error
// summary takes focus, says "There is a problem", links to each field and puts "Error: " in the
// title; answers autosave; repeating groups add, list and remove with undo; evidence attaches.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { loadAppChecklist } from '@/components/session/checklist';
import { QuestionPage } from '@/features/wizard/question-page';
import { renderInSession } from '../helpers/render-app';

async function pageOf(sectionId: string, pageId: string) {
  const checklist = await loadAppChecklist();
  const section = checklist.sections.get(sectionId);
  const page = section?.pages.find((p) => p.id === pageId);
  if (!section || !page) throw new Error(`no page ${sectionId}/${pageId}`);
  return { section, page };
}

describe('a question page', { timeout: 30_000 }, () => {
  it('shows the error summary on Continue, focused, with links that focus each field', async () => {
    const { section, page } = await pageOf('organisation', 'org-contact');
    await renderInSession(<QuestionPage section={section} page={page} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Continue' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('heading', { name: 'There is a problem' })).toBeInTheDocument();
    await waitFor(() => expect(summary).toHaveFocus());
    expect(document.title).toMatch(/^Error: /);
    const links = within(summary).getAllByRole('link');
    expect(links).toHaveLength(4);
    await userEvent.click(links[2] as HTMLElement);
    const email = screen.getByRole('textbox', { name: /email/i });
    expect(email).toHaveFocus();
    expect(email).toHaveAccessibleDescription(expect.stringContaining('Error:'));
    expect(location.hash).not.toContain('org-contact-email');
  });

  it('links a date error to the day box and marks the part in error', async () => {
    const { section, page } = await pageOf('organisation', 'org-identity');
    await renderInSession(<QuestionPage section={section} page={page} />);
    await userEvent.type(await screen.findByRole('textbox', { name: 'Day' }), '31');
    await userEvent.type(screen.getByRole('textbox', { name: 'Month' }), '2');
    await userEvent.type(screen.getByRole('textbox', { name: 'Year' }), '2020');
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    const summary = await screen.findByRole('alert');
    await userEvent.click(within(summary).getByRole('link', { name: /real date/ }));
    expect(screen.getByRole('textbox', { name: 'Day' })).toHaveFocus();
  });

  it('saves what is typed, even when the page is not valid yet', async () => {
    const { section, page } = await pageOf('organisation', 'org-contact');
    const { services } = await renderInSession(<QuestionPage section={section} page={page} />);
    await userEvent.type(await screen.findByRole('textbox', { name: /email/i }), 'not-an-email');
    await waitFor(
      async () =>
        expect((await services.repositories.profiles.get('org-1'))?.answers['org.contact-email']).toBe('not-an-email'),
      { timeout: 3000 },
    );
    // These services keep data in memory, and the page says so rather than claim a save on this computer.
    expect(await screen.findByText(/^Kept in this tab only \(not saved on this computer\) at/)).toBeInTheDocument();
    expect(screen.queryByText(/Saved on this computer/)).not.toBeInTheDocument();
  });

  it('lists a repeating group’s items with Change and Remove, and undoes a removal', async () => {
    const { section, page } = await pageOf('organisation', 'org-people');
    const people = [
      { id: 'p1', values: { name: 'Dr Siân Llŷr', role: 'partner' } },
      { id: 'p2', values: { name: 'Dr Raj Patel', role: 'partner' } },
    ];
    const { services } = await renderInSession(<QuestionPage section={section} page={page} />, {
      organisation: { 'org.people': people },
    });
    expect(await screen.findByText('Dr Siân Llŷr', { selector: 'dt' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Change Dr Raj Patel' })).toHaveAttribute(
      'href',
      expect.stringContaining('/items/org.people/p2'),
    );
    expect(screen.getByRole('link', { name: /Add another/ })).toHaveAttribute(
      'href',
      expect.stringContaining('/items/org.people/new'),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Remove Dr Siân Llŷr' }));
    expect(screen.queryByText('Dr Siân Llŷr', { selector: 'dt' })).not.toBeInTheDocument();
    await waitFor(
      async () => expect((await services.repositories.profiles.get('org-1'))?.answers['org.people']).toHaveLength(1),
      { timeout: 3000 },
    );
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Dr Siân Llŷr', { selector: 'dt' })).toBeInTheDocument();
  });

  it('attaches an evidence file, keeps it offline with its checksum, and asks when it expires', async () => {
    const { section, page } = await pageOf('insurance', 'ins.el');
    const { services } = await renderInSession(<QuestionPage section={section} page={page} />);
    const input = await screen.findByLabelText('Attach a file');
    const file = new File(['%PDF-1.4 employer liability certificate'], 'el-certificate.pdf', {
      type: 'application/pdf',
    });
    await act(async () => userEvent.upload(input, file));
    expect(await screen.findByText('el-certificate.pdf', { selector: 'strong' })).toBeInTheDocument();
    const stored = await services.repositories.evidence.listForProfile('org-1');
    expect(stored).toHaveLength(1);
    expect(stored[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(screen.getByRole('group', { name: /Valid until \(el-certificate.pdf\)/ })).toBeInTheDocument();
  });

  it('refuses a file type the commissioner cannot open, with a clear message', async () => {
    const { section, page } = await pageOf('insurance', 'ins.el');
    await renderInSession(<QuestionPage section={section} page={page} />);
    const input = await screen.findByLabelText('Attach a file');
    await act(async () =>
      userEvent.upload(input, new File(['MZ'], 'virus.exe', { type: 'application/x-msdownload' }), {
        applyAccept: false,
      }),
    );
    expect(await screen.findByText(/virus\.exe|type|PDF/i, { selector: '.nhsuk-error-message' })).toBeInTheDocument();
  });
});
