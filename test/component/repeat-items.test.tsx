// Repeating groups in the "add another" pattern, in the app's real services and session (in-memory
// storage) with the wizard's own routed pages: a refused item is not listed, an item is never
// written twice, "Save and come back later" lists it as incomplete with what it still needs, an
// item started and left is offered back rather than duplicated, and errors go as fields are fixed.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { isRepeatItems, listedItems } from '@/domain/answers/answer-value';
import { navigate, useHashRoute } from '@/components/routing/hash-location';
import { paths } from '@/components/routing/paths';
import { WizardItem, WizardPage } from '@/features/wizard/wizard-routes';
import type { AppServices } from '@/components/services/app-services';
import { renderInSession } from '../helpers/render-app';

const listPage = paths.page('app-1', 'organisation', 'org-people');

/** The two wizard routes these tests walk between, read from the hash as the app's router does. */
function PeopleRoutes() {
  const route = useHashRoute();
  const item = /\/items\/org\.people\/([^/?]+)$/.exec(route);
  const params = { id: 'app-1', sectionId: 'organisation', pageId: 'org-people' };
  const query = new URLSearchParams();
  return item ? (
    <WizardItem key={item[1]} params={{ ...params, questionId: 'org.people', itemId: item[1] ?? '' }} query={query} />
  ) : (
    <WizardPage params={params} query={query} />
  );
}

async function storedPeople(services: AppServices) {
  const value = (await services.repositories.profiles.get('org-1'))?.answers['org.people'];
  return isRepeatItems(value) ? value : [];
}

const rows = () => screen.queryAllByRole('term').map((dt) => dt.textContent);

beforeEach(() => navigate(listPage, { replace: true }));

describe('a repeating group', { timeout: 30_000 }, () => {
  it('walks refuse → fix → save → back → save and holds exactly one item', async () => {
    const { services } = await renderInSession(<PeopleRoutes />);
    await userEvent.click(await screen.findByRole('link', { name: 'Add a person' }));
    // "new" becomes the item's own id at once, so the item has one id from the moment it exists.
    await screen.findByRole('heading', { level: 1, name: 'Add a person' });
    expect(location.hash).toMatch(/\/items\/org\.people\/id-\d+$/);
    const itemUrl = location.hash;

    await userEvent.type(screen.getByRole('textbox', { name: 'Full name' }), 'Dr Ann Lee');
    await userEvent.click(screen.getByRole('button', { name: 'Save person' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Select their role' })).toBeInTheDocument();
    // Refused: typed and kept, but not in the list.
    await waitFor(async () => expect(await storedPeople(services)).toHaveLength(1));
    expect(listedItems(await storedPeople(services))).toHaveLength(0);

    // Fixing a field takes its error out of the summary without pressing Save again.
    await userEvent.click(screen.getByRole('radio', { name: 'Partner' }));
    await waitFor(() => expect(within(summary).queryByRole('link', { name: 'Select their role' })).toBeNull());
    await userEvent.click(screen.getByRole('radio', { name: 'GMC (doctors)' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Registration number' }), '1234567');
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());

    await userEvent.click(screen.getByRole('button', { name: 'Save person' }));
    await waitFor(() => expect(rows()).toEqual(['Dr Ann Lee']));
    expect(screen.getByText('Role: Partner')).toBeInTheDocument();

    // Back to the item page (the browser's Back), and Save again: still one item.
    navigate(itemUrl.slice(1));
    await screen.findByRole('heading', { level: 1, name: 'Change Dr Ann Lee' });
    await userEvent.click(screen.getByRole('button', { name: 'Save person' }));
    await waitFor(() => expect(rows()).toEqual(['Dr Ann Lee']));
    const stored = await storedPeople(services);
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toHaveProperty('pending');
  });

  it('saves an item for later once it has its name, listed as incomplete with what it still needs', async () => {
    const { services } = await renderInSession(<PeopleRoutes />);
    await userEvent.click(await screen.findByRole('link', { name: 'Add a person' }));
    await screen.findByRole('heading', { level: 1, name: 'Add a person' });
    await userEvent.click(screen.getByRole('radio', { name: 'Partner' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save and come back later' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Enter their full name to save this person and come back to it later');
    expect(listedItems(await storedPeople(services))).toHaveLength(0);

    await userEvent.type(screen.getByRole('textbox', { name: 'Full name' }), 'Dr Bo Chan');
    await userEvent.click(screen.getByRole('button', { name: 'Save and come back later' }));
    await waitFor(() => expect(rows()).toEqual(['Dr Bo Chan']));
    const row = screen.getByText('Dr Bo Chan', { selector: 'dt' }).closest('.nhsuk-summary-list__row') as HTMLElement;
    expect(within(row).getByText('Incomplete')).toBeInTheDocument();
    expect(row).toHaveTextContent('Still needs the professional register they are on.');
    expect(listedItems(await storedPeople(services))).toHaveLength(1);
  });

  it('offers back an item that was started and left, instead of adding a second one', async () => {
    const { services } = await renderInSession(<PeopleRoutes />);
    await userEvent.click(await screen.findByRole('link', { name: 'Add a person' }));
    await screen.findByRole('heading', { level: 1, name: 'Add a person' });
    const first = location.hash;
    await userEvent.type(screen.getByRole('textbox', { name: 'Full name' }), 'Dr Cy Dee');
    await waitFor(async () => expect(await storedPeople(services)).toHaveLength(1));

    navigate(listPage);
    expect(await screen.findByText(/You started adding Dr Cy Dee/)).toBeInTheDocument();
    expect(rows()).toEqual([]);
    // "Add" resumes the same item rather than starting another.
    await userEvent.click(screen.getByRole('link', { name: 'Add a person' }));
    await screen.findByRole('heading', { level: 1, name: 'Add a person' });
    expect(location.hash).toBe(first);
    expect(screen.getByRole('textbox', { name: 'Full name' })).toHaveValue('Dr Cy Dee');

    navigate(listPage);
    await userEvent.click(await screen.findByRole('button', { name: 'discard it' }));
    await waitFor(async () => expect(await storedPeople(services)).toHaveLength(0));
    expect(screen.queryByText(/You started adding/)).toBeNull();
  });
});
