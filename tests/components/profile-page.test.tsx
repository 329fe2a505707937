import './support/h5-env';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { userContract } from '@core/contract/user';
import Profile from '../../src/pages/me/profile';
import { useSession } from '../../src/stores/session';
import { residentFixture } from './support/fixtures';
import { fakeTransport } from './support/transport';

const showToast = Taro.showToast as jest.Mock;
const navigateBack = Taro.navigateBack as jest.Mock;

/** The native <input> inside Taro's <taro-input-core> for a TextField `name`. */
function field(container: HTMLElement, name: string): HTMLInputElement {
  const input = container.querySelector<HTMLInputElement>(`taro-input-core[name="${name}"] input`);
  if (!input) throw new Error(`no input named ${name}`);
  return input;
}

function type(container: HTMLElement, name: string, value: string) {
  fireEvent.input(field(container, name), { target: { value } });
}

async function renderProfile(user = residentFixture()) {
  useSession.setState({ status: 'ready', user });
  const view = render(<Profile />);
  await waitFor(() => expect(field(view.container, 'nickname').value).toBe(user.nickname));
  return view;
}

describe('profile page', () => {
  test('the form is prefilled from the session user', async () => {
    const { container } = await renderProfile(
      residentFixture({ nickname: '王阿姨', building: '3号楼', unit: '2单元301' }),
    );
    expect(field(container, 'nickname').value).toBe('王阿姨');
    expect(field(container, 'building').value).toBe('3号楼');
    expect(field(container, 'unit').value).toBe('2单元301');
    expect(field(container, 'phone').value).toBe('');
    // What a number is kept for shows before anyone types one, above the field.
    const consent = screen.getByText(/我同意社区保存手机号/);
    const phone = field(container, 'phone');
    expect(consent.compareDocumentPosition(phone) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  test('saving sends what was typed to user.updateProfile and keeps the answer', async () => {
    const saved = residentFixture({ nickname: '李大爷', building: '5号楼', phone: '13800138000' });
    const transport = fakeTransport({
      'user.updateProfile': (input) => {
        userContract.updateProfile.input.parse(input); // what the page sends passes the contract
        return { ok: true, data: saved };
      },
    });
    const { container } = await renderProfile();
    type(container, 'nickname', '李大爷');
    type(container, 'building', '5号楼');
    type(container, 'phone', '13800138000');
    fireEvent.click(await screen.findByText(/我同意社区保存手机号/));
    fireEvent.click(screen.getByText('保存'));

    await waitFor(() => expect(transport).toHaveBeenCalledTimes(1));
    expect(transport).toHaveBeenCalledWith('user', {
      action: 'updateProfile',
      input: {
        nickname: '李大爷',
        // The avatar travels with the profile; this resident has none yet.
        avatarUrl: '',
        building: '5号楼',
        unit: '2单元301',
        phone: '13800138000',
        phoneConsent: true,
      },
    });
    await waitFor(() => expect(useSession.getState().user).toEqual(saved));
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存', icon: 'success' }));
    await waitFor(() => expect(navigateBack).toHaveBeenCalledTimes(1), { timeout: 2000 });
  });

  test('an empty nickname is refused on the phone with the schema’s message, and nothing is sent', async () => {
    const transport = fakeTransport({});
    const { container } = await renderProfile();
    type(container, 'nickname', '');
    fireEvent.click(screen.getByText('保存'));

    expect(await screen.findByTestId('field-error-nickname')).toHaveProperty('textContent', '请填写昵称');
    expect(transport).not.toHaveBeenCalled();
    // A long form's message may be out of sight: a toast says where to look.
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请检查标红的内容' }));
    // Typing again clears the message.
    type(container, 'nickname', '王');
    await waitFor(() => expect(screen.queryByTestId('field-error-nickname')).toBeNull());
  });

  test('a refusal from the server shows its Chinese message and keeps the user and the page', async () => {
    const user = residentFixture();
    const transport = fakeTransport({
      'user.updateProfile': {
        ok: false,
        code: 'CONTENT_REJECTED',
        message: '内容包含不适宜的信息，请修改后再提交',
      },
    });
    const { container } = await renderProfile(user);
    type(container, 'nickname', '不适宜的昵称');
    fireEvent.click(screen.getByText('保存'));

    await waitFor(() =>
      expect(showToast).toHaveBeenCalledWith(
        expect.objectContaining({ title: '内容包含不适宜的信息，请修改后再提交', icon: 'none' }),
      ),
    );
    expect(transport).toHaveBeenCalledTimes(1);
    expect(showToast).not.toHaveBeenCalledWith(expect.objectContaining({ title: '已保存' }));
    expect(useSession.getState().user).toEqual(user);
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(navigateBack).not.toHaveBeenCalled();
  });
});
