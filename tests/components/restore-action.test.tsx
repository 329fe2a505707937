/** 恢复显示 for staff on a hidden item: asks the note the trail keeps, then reads the item again. */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { RestoreAction } from '../../src/components/restore-action';
import { ignoreLibraryWarnings } from './support/library-warnings';
import { fakeTransport } from './support/transport';

// NutUI 2.7.15's Dialog animates with a react-transition-group that calls findDOMNode.
ignoreLibraryWarnings(/findDOMNode is deprecated/);

test('an item staff may not restore shows nothing', async () => {
  const transport = fakeTransport({});
  const { container } = render(
    <RestoreAction kind="wish" id="w-1" mayRestore={false} onRestored={jest.fn()} />,
  );
  await act(async () => undefined);
  expect(container.textContent).toBe('');
  expect(transport).not.toHaveBeenCalled();
});

test('the note is required; the item is restored with it and read again', async () => {
  const sent: unknown[] = [];
  fakeTransport({
    'moderation.restoreItem': (input) => {
      sent.push(input);
      return { ok: true, data: { kind: 'proposal', id: 'p-1', isPublic: true } };
    },
  });
  const onRestored = jest.fn();
  render(<RestoreAction kind="proposal" id="p-1" mayRestore onRestored={onRestored} />);
  await act(async () => void fireEvent.click(screen.getByText('复核后恢复显示')));
  const box = await waitFor(() => {
    const found = screen.getByTestId('prompt-dialog').querySelector('textarea');
    if (!found) throw new Error('no text box in the dialog');
    return found;
  });
  expect(box.maxLength).toBe(100);
  await act(async () => void fireEvent.click(screen.getByRole('button', { name: '恢复显示' })));
  expect(screen.getByTestId('prompt-error').textContent).toBe('请填写复核说明');
  expect(sent).toEqual([]);

  fireEvent.input(box, { target: { value: '图片无问题' } });
  await act(async () => void fireEvent.click(screen.getByRole('button', { name: '恢复显示' })));
  expect(sent).toEqual([{ kind: 'proposal', id: 'p-1', note: '图片无问题' }]);
  expect(onRestored).toHaveBeenCalledTimes(1);
});
