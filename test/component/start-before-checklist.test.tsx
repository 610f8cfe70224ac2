// "Start application" pressed from an advert link before the checklist has loaded: the advert has
// filled in the services and the commissioner, so nothing is missing, and the press must start the
// application once the checklist arrives rather than be ignored. The checklist's load is held back;
// everything else is the app's own (real services on in-memory storage, the real checklist).
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AppServicesProvider } from '@/components/services/app-services';
import { parseHostingConfig } from '@/domain/hosting/hosting-config';
import { StartPage } from '@/features/start/start-page';
import { memoryServices } from '../helpers/render-app';
import type * as Checklist from '@/components/session/checklist';

const held = vi.hoisted(() => {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { gate, release: () => release() };
});

vi.mock('@/components/session/checklist', async (importOriginal) => {
  const real = await importOriginal<typeof Checklist>();
  return { ...real, loadAppChecklist: () => held.gate.then(() => real.loadAppChecklist()) };
});

describe('starting from an advert before the checklist has loaded', () => {
  it('starts the application once the checklist arrives', async () => {
    const hosted = parseHostingConfig({
      adverts: [
        {
          id: 'pod-2027',
          commissioner: 'NHS Kernow Clinical Commissioning Group',
          services: ['podiatry'],
          reference: 'KCCG/AQP/2027/POD',
          closingDate: '2027-01-29',
        },
      ],
    });
    if (!hosted.ok) throw new Error(hosted.problems.join('; '));
    const services = { ...(await memoryServices()), hosting: { config: hosted.config } };
    render(
      <AppServicesProvider services={services}>
        <StartPage params={{}} query={new URLSearchParams('advert=pod-2027')} />
      </AppServicesProvider>,
    );
    fireEvent.change(await screen.findByLabelText('Organisation’s legal name'), {
      target: { value: 'St Agnes Surgery' },
    });
    fireEvent.click(screen.getByLabelText('A single GP practice'));
    fireEvent.click(screen.getByRole('button', { name: 'Start application' }));

    expect(screen.queryByRole('alert'), 'no problem is found: the advert filled in the rest').toBeNull();
    expect((screen.getByRole('button', { name: 'Start application' }) as HTMLButtonElement).disabled).toBe(true);
    expect(await services.repositories.applications.list()).toEqual([]);

    await act(async () => {
      held.release();
      await held.gate;
    });
    await waitFor(async () => expect(await services.repositories.applications.list()).toHaveLength(1));
    const [started] = await services.repositories.applications.list();
    expect(started).toMatchObject({
      services: ['podiatry'],
      advert: { commissioner: 'NHS Kernow Clinical Commissioning Group', reference: 'KCCG/AQP/2027/POD' },
    });
    await waitFor(() => expect(window.location.hash).toBe(`#/applications/${started?.id}`));
  });
});
