/** The form kit: a field's limits and messages come from the action's zod schema, nowhere else. */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { z } from 'zod';
import { contract } from '@core/contract';
import { CodeInput } from '../../src/components/code-input';
import { NumberField } from '../../src/components/form/number-field';
import { TextField } from '../../src/components/form/text-field';
import { usePrompt } from '../../src/components/prompt-dialog';
import { limitsOf, messageOf, useForm } from '../../src/hooks/use-form';
import { ignoreLibraryWarnings } from './support/library-warnings';

// NutUI 2.7.15's Dialog animates with a react-transition-group that calls findDOMNode.
ignoreLibraryWarnings(/findDOMNode is deprecated/);

const apply = contract.user.applyPartyMember.input;
const save = contract.events.save.input;

/** The native <input> inside Taro's <taro-input-core> for a field `name` (Stencil renders it a tick later). */
async function input(container: HTMLElement, name: string): Promise<HTMLInputElement> {
  return waitFor(() => {
    const found = container.querySelector<HTMLInputElement>(`taro-input-core[name="${name}"] input`);
    if (!found) throw new Error(`no input named ${name}`);
    return found;
  });
}

let submitted: unknown;
function PartyForm() {
  const form = useForm(apply, { realName: '', partyOrg: '', workplace: '' });
  return (
    <>
      <TextField label="真实姓名" {...form.field('realName')} />
      <TextField label="所在党组织" {...form.field('partyOrg')} />
      <button onClick={() => (submitted = form.validate())}>提交</button>
      <button
        onClick={() =>
          form.showFailure({ code: 'INVALID_INPUT', message: '所在党组织不存在', field: 'partyOrg' } as never)
        }
      >
        服务器拒绝
      </button>
    </>
  );
}

test('a schema’s max length reaches the input, and its Chinese message shows under the field', async () => {
  const { container } = render(<PartyForm />);
  expect((await input(container, 'realName')).maxLength).toBe(20);
  expect((await input(container, 'partyOrg')).maxLength).toBe(50);
  expect(apply.shape.realName.maxLength).toBe(20);
  // Required fields are marked.
  expect(container.querySelectorAll('.llt-field__required')).toHaveLength(2);

  await act(async () => void fireEvent.click(screen.getByText('提交')));
  expect(submitted).toBeNull();
  expect(screen.getByTestId('field-error-realName').textContent).toBe('请填写真实姓名');
  expect(screen.getByTestId('field-error-partyOrg').textContent).toBe('请填写所在党组织');

  fireEvent.input(await input(container, 'realName'), { target: { value: '周明' } });
  expect(screen.queryByTestId('field-error-realName')).toBeNull();
  expect(screen.getByTestId('field-error-partyOrg')).toBeTruthy();
});

test('a server refusal naming a field is shown under that field', async () => {
  render(<PartyForm />);
  await act(async () => void fireEvent.click(screen.getByText('服务器拒绝')));
  expect(screen.getByTestId('field-error-partyOrg').textContent).toBe('所在党组织不存在');
});

test('a number field takes as many digits as the schema’s maximum, and an empty box is no value', async () => {
  let values: unknown;
  function Capacity() {
    const form = useForm(save, { capacity: 20 });
    values = form.values;
    return <NumberField label="人数上限" {...form.field('capacity')} />;
  }
  const { container } = render(<Capacity />);
  expect((await input(container, 'capacity')).maxLength).toBe(String(10000).length);
  fireEvent.input(await input(container, 'capacity'), { target: { value: '' } });
  expect(values).toEqual({ capacity: undefined });
  fireEvent.input(await input(container, 'capacity'), { target: { value: '35' } });
  expect(values).toEqual({ capacity: 35 });
});

test('limits are read from the schema: optional, unions with an empty choice, numbers, enums, lists', () => {
  const profile = contract.user.updateProfile.input.shape;
  expect(limitsOf(profile.nickname)).toEqual({ required: true, maxLength: 20 });
  expect(limitsOf(profile.phone)).toEqual({ required: false, maxLength: 11 });
  expect(limitsOf(profile.avatarUrl)).toMatchObject({ required: false, maxLength: 500 });
  expect(limitsOf(save.shape.capacity)).toEqual({ required: true, min: 1, max: 10000, maxLength: 5 });
  expect(limitsOf(save.shape.description)).toEqual({ required: false, maxLength: 1000 });
  expect(limitsOf(save.shape.category)).toEqual({ required: true });
  // A list: how many items it may hold.
  expect(limitsOf(contract.wishes.post.input.shape.photos)).toEqual({ required: false, max: 3 });
  expect(limitsOf(contract.wishes.fulfil.input.shape.photos)).toEqual({ required: true, max: 3 });
  expect(limitsOf(contract.votes.propose.input.shape.photos)).toEqual({ required: false, max: 9 });
});

test('zod’s English messages become plain Chinese; the schema’s own Chinese ones pass through', () => {
  const issue = (value: unknown, schema: z.ZodType = save.shape.capacity) =>
    schema.safeParse(value).error!.issues[0];
  expect(messageOf(issue(0))).toBe('人数上限至少为1');
  expect(messageOf(issue(20000))).toBe('不能大于10000');
  expect(messageOf(issue(undefined))).toBe('请填写此项');
  expect(messageOf(issue('x', save.shape.category))).toBe('请选择此项');
});

test('an input dialog has a box on H5 too, checks the value against the schema and returns it', async () => {
  let answer: string | null | undefined;
  function Cancel() {
    const prompt = usePrompt();
    const ask = async () => {
      answer = await prompt.ask({ title: '取消活动', field: contract.events.cancel.input.shape.reason });
    };
    return (
      <>
        <button onClick={() => void ask()}>取消活动</button>
        {prompt.dialog}
      </>
    );
  }
  render(<Cancel />);
  await act(async () => void fireEvent.click(screen.getByText('取消活动', { selector: 'button' })));
  // Taro's textarea renders its native box a tick later (Stencil).
  const box = await waitFor(() => {
    const found = screen.getByTestId('prompt-dialog').querySelector('textarea');
    if (!found) throw new Error('no text box in the dialog');
    return found;
  });
  expect(box?.maxLength).toBe(100);
  await act(async () => void fireEvent.click(screen.getByRole('button', { name: '确定' })));
  expect(screen.getByTestId('prompt-error').textContent).toBe('请填写取消原因');
  expect(answer).toBeUndefined();
  fireEvent.input(box!, { target: { value: '暴雨预警' } });
  await act(async () => void fireEvent.click(screen.getByRole('button', { name: '确定' })));
  expect(answer).toBe('暴雨预警');
});

test('a code input sends the typed code to the action it is for', async () => {
  const run = jest.fn();
  function Pickup() {
    const form = useForm(contract.mall.lookupPickup.input, { code: '' });
    return (
      <CodeInput {...form.field('code')} label="取货码" actions={[{ text: '查询', scanText: '扫码', run }]} />
    );
  }
  const { container } = render(<Pickup />);
  expect((await input(container, 'code')).maxLength).toBe(40);
  // H5 has no camera scanner: only the typed code's button.
  expect(screen.queryByText('扫码')).toBeNull();
  fireEvent.input(await input(container, 'code'), { target: { value: ' abcd-2345 ' } });
  await act(async () => void fireEvent.click(screen.getByText('查询')));
  expect(run).toHaveBeenCalledWith('abcd-2345');
});
