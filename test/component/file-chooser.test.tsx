// The shared NHS file chooser: the label names the input, the hint and error describe it (the
// error read with its "Error:" prefix), the page hears every choice with the files chosen, and the
// button acting on them cannot be pressed while that action runs.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FileChooser, type FileChooserProps } from '@/components/nhs/file-chooser';

const jsonFile = (name: string) => new File(['{}'], name, { type: 'application/json' });

function renderChooser(props: Partial<FileChooserProps> = {}) {
  const all: FileChooserProps = {
    id: 'returns-files',
    label: 'Choose the return files you were sent',
    hint: 'Files named like aqp-return-….json.',
    accept: '.json,application/json',
    onChoose: vi.fn(),
    action: { text: 'Import returns', onClick: vi.fn() },
    ...props,
  };
  const view = render(<FileChooser {...all} />);
  return {
    ...view,
    props: all,
    rerenderWith: (more: Partial<FileChooserProps>) => view.rerender(<FileChooser {...all} {...more} />),
  };
}

const input = () => screen.getByLabelText<HTMLInputElement>('Choose the return files you were sent');

describe('FileChooser', () => {
  it('labels a file input with the given id and accept', () => {
    renderChooser();
    expect(input()).toHaveAttribute('type', 'file');
    expect(input()).toHaveAttribute('id', 'returns-files');
    expect(input()).toHaveAttribute('accept', '.json,application/json');
    expect(input()).toHaveAccessibleDescription('Files named like aqp-return-….json.');
    expect(input()).toHaveAttribute('aria-describedby', 'returns-files-hint');
  });

  it('describes the input by its hint, then its error read with the "Error:" prefix', () => {
    renderChooser({ error: 'That is not a return file' });
    expect(input()).toHaveAttribute('aria-describedby', 'returns-files-hint returns-files-error');
    expect(input()).toHaveAccessibleDescription('Files named like aqp-return-….json. Error: That is not a return file');
    expect(input().closest('.nhsuk-form-group')).toHaveClass('nhsuk-form-group--error');
  });

  it('has no description and no error state when there is neither hint nor error', () => {
    renderChooser({ hint: undefined });
    expect(input()).not.toHaveAttribute('aria-describedby');
    expect(input().closest('.nhsuk-form-group')).not.toHaveClass('nhsuk-form-group--error');
  });

  it('marks the group in error without a message of its own when the error is told elsewhere', () => {
    renderChooser({ error: true });
    expect(input().closest('.nhsuk-form-group')).toHaveClass('nhsuk-form-group--error');
    expect(input()).toHaveAttribute('aria-describedby', 'returns-files-hint');
    expect(screen.queryByText('Error:')).toBeNull();
  });

  it('hands the page the files chosen', async () => {
    const { props } = renderChooser({ multiple: true });
    const files = [jsonFile('aqp-return-1.json'), jsonFile('aqp-return-2.json')];
    await userEvent.upload(input(), files);
    expect(props.onChoose).toHaveBeenCalledTimes(1);
    expect(props.onChoose).toHaveBeenLastCalledWith(files);
  });

  it('lets several files be chosen only when multiple is asked for', () => {
    const { rerenderWith } = renderChooser();
    expect(input()).not.toHaveAttribute('multiple');
    rerenderWith({ multiple: true });
    expect(input()).toHaveAttribute('multiple');
  });

  it('runs the action from its button, which is disabled while busy', async () => {
    const { props, rerenderWith } = renderChooser();
    const button = screen.getByRole('button', { name: 'Import returns' });
    expect(button).toBeEnabled();
    await userEvent.click(button);
    expect(props.action?.onClick).toHaveBeenCalledTimes(1);

    rerenderWith({ busy: true });
    expect(screen.getByRole('button', { name: 'Import returns' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Import returns' }));
    expect(props.action?.onClick).toHaveBeenCalledTimes(1);
  });

  it('has no button when the page acts on the choice another way', () => {
    renderChooser({ action: undefined });
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('gives a fresh, empty input when the reset key changes', async () => {
    const { rerenderWith } = renderChooser({ resetKey: 0 });
    await userEvent.upload(input(), jsonFile('aqp-return-1.json'));
    expect(input().files).toHaveLength(1);
    rerenderWith({ resetKey: 1 });
    expect(input().files).toHaveLength(0);
  });
});
