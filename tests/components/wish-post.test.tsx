/**
 * 发布心愿: the phone's consent is on screen before a number is typed, the limits and messages
 * are the contract's, and what is sent is the contract's input.
 */
import './support/h5-env';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { contract } from '@core/contract';
import PostWish from '../../src/packages/wishes/post';
import { useSession } from '../../src/stores/session';
import { residentFixture, wishFixture } from './support/fixtures';
import { fakeTransport } from './support/transport';

function box(container: HTMLElement, name: string): HTMLInputElement {
  const input = container.querySelector<HTMLInputElement>(`taro-input-core[name="${name}"] input`);
  if (!input) throw new Error(`no input named ${name}`);
  return input;
}

async function renderPost() {
  useSession.setState({
    status: 'ready',
    user: residentFixture({ realName: '王秀珍', building: '3号楼', unit: '2单元501' }),
  });
  const view = render(<PostWish />);
  await waitFor(() => expect(box(view.container, 'name').value).toBe('王秀珍'));
  return view;
}

test('who the wish is for starts as the resident, and the consent is shown before any phone is typed', async () => {
  const { container } = await renderPost();
  expect(box(container, 'building').value).toBe('3号楼');
  expect(box(container, 'phone').value).toBe('');
  expect(screen.getByText(/我同意将手机号提供给认领心愿的党员/)).toBeTruthy();
  expect(screen.getByTestId('contact-privacy').textContent).toContain('王** · 3栋');
  expect(box(container, 'title').maxLength).toBe(30);
});

test('a phone without consent, or a wish without title, category or date, is refused with the schema’s words', async () => {
  const transport = fakeTransport({});
  const { container } = await renderPost();
  fireEvent.input(box(container, 'phone'), { target: { value: '13800000001' } });
  await act(async () => void fireEvent.click(screen.getByText('提交心愿')));
  expect(screen.getByTestId('field-error-phoneConsent').textContent).toBe(
    '留下手机号需要同意将其提供给认领的党员',
  );
  expect(screen.getByTestId('field-error-title').textContent).toBe('请写下心愿');
  expect(screen.getByTestId('field-error-category').textContent).toBe('请选择此项');
  expect(screen.getByTestId('field-error-wantedBy').textContent).toBe('请填写此项');
  expect(transport).not.toHaveBeenCalled();
});

test('a filled-in wish is sent as the contract’s input, with a request id', async () => {
  const sent: unknown[] = [];
  fakeTransport({
    'wishes.post': (input) => {
      sent.push(input);
      return { ok: true, data: wishFixture({ status: 'pending', statusLabel: '待审核', isPoster: true }) };
    },
  });
  const { container } = await renderPost();
  fireEvent.input(box(container, 'title'), { target: { value: '想要一副老花镜' } });
  await act(async () => void fireEvent.click(screen.getByText('物品')));
  await act(async () => void fireEvent.click(screen.getByTestId('picker-wantedBy')));
  await act(async () => void fireEvent.click(document.querySelector('.nut-picker-confirm-btn')!));
  await act(async () => void fireEvent.click(screen.getByText('提交心愿')));
  await waitFor(() => expect(sent).toHaveLength(1));
  const input = contract.wishes.post.input.parse(sent[0]);
  expect(input).toMatchObject({
    title: '想要一副老花镜',
    category: 'goods',
    contact: { name: '王秀珍', building: '3号楼', unit: '2单元501', phoneConsent: false },
  });
  expect(input.wantedBy).toBeGreaterThan(Date.now());
});
