/** 举报 for any kind of item: the dialog checks the report against the contract, then says 已举报. */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReportView } from '@core/contract';
import { ReportAction } from '../../src/components/report-action';
import { ignoreLibraryWarnings } from './support/library-warnings';
import { fakeTransport } from './support/transport';

// NutUI 2.7.15's Dialog animates with a react-transition-group that calls findDOMNode.
ignoreLibraryWarnings(/findDOMNode is deprecated/);

function reportView(overrides: Partial<ReportView> = {}): ReportView {
  return {
    id: 'r-1',
    kind: 'proposal',
    kindLabel: '百姓点菜提议',
    targetId: 'p-1',
    category: 'privacy',
    categoryLabel: '泄露隐私',
    text: '',
    status: 'open',
    statusLabel: '待处理',
    note: '',
    title: '东门广场加装休息座椅',
    excerpt: '',
    targetPublic: true,
    reporterName: '',
    createdAt: Date.UTC(2026, 10, 20),
    decidedAt: null,
    ...overrides,
  } as ReportView;
}

const ok = (data: unknown) => ({ ok: true as const, data });

test('an item the caller may not report shows nothing and asks the cloud nothing', async () => {
  const transport = fakeTransport({});
  const { container } = render(<ReportAction kind="wish" id="w-1" mayReport={false} />);
  await act(async () => undefined);
  expect(container.textContent).toBe('');
  expect(transport).not.toHaveBeenCalled();
});

test('an open report of the caller shows 已举报，待处理 instead of the button', async () => {
  fakeTransport({ 'moderation.myReport': ok(reportView()) });
  render(<ReportAction kind="proposal" id="p-1" mayReport />);
  expect((await screen.findByTestId('report-status')).textContent).toBe('已举报，待处理');
  expect(screen.queryByText('举报')).toBeNull();
});

test('the dialog asks a category, and a reason for 其他; the report names the item’s kind and id', async () => {
  const sent: unknown[] = [];
  fakeTransport({
    'moderation.myReport': ok(null),
    'moderation.report': (input) => {
      sent.push(input);
      return ok(reportView({ category: 'other', categoryLabel: '其他', text: '重复发布' }));
    },
  });
  render(<ReportAction kind="proposal" id="p-1" mayReport />);
  const button = await screen.findByText('举报');
  await act(async () => void fireEvent.click(button));
  const dialog = await screen.findByTestId('report-dialog');
  expect(dialog.textContent).toContain('虚假信息');
  expect(dialog.textContent).toContain('泄露隐私');

  // Nothing chosen: the schema's refusal under the field, nothing sent.
  await act(async () => void fireEvent.click(screen.getByText('提交举报')));
  expect(screen.getByTestId('field-error-category').textContent).toBe('请选择此项');
  expect(sent).toEqual([]);

  // 其他 needs a reason (the contract's refine says so, in Chinese).
  await act(async () => void fireEvent.click(screen.getByText('其他')));
  await act(async () => void fireEvent.click(screen.getByText('提交举报')));
  expect(screen.getByTestId('field-error-text').textContent).toBe('请说明举报原因');
  expect(sent).toEqual([]);

  const box = await waitFor(() => {
    const found = dialog.querySelector('textarea');
    if (!found) throw new Error('no text box yet');
    return found;
  });
  expect(box.maxLength).toBe(200);
  fireEvent.input(box, { target: { value: '重复发布' } });
  await act(async () => void fireEvent.click(screen.getByText('提交举报')));
  expect(sent).toEqual([{ kind: 'proposal', id: 'p-1', category: 'other', text: '重复发布' }]);
  expect((await screen.findByTestId('report-status')).textContent).toBe('已举报，待处理');
});

test('a decided report shows its outcome, and the item may be reported again', async () => {
  fakeTransport({
    'moderation.myReport': ok(reportView({ status: 'kept', statusLabel: '已保留', note: '经核实属实' })),
  });
  render(<ReportAction kind="wish" id="w-1" mayReport />);
  expect((await screen.findByTestId('report-status')).textContent).toBe(
    '您的举报已处理：已保留（经核实属实）',
  );
  expect(screen.getByText('举报')).toBeTruthy();
});
