/** Who is using the app: the profile the `user` function returned at login. */
import { create } from 'zustand';
import type { UserView } from '@core/contract';
import type { Role } from '@core/domain/roles';
import { call } from '../services/cloud';
import { useSettings } from './settings';

type Status = 'idle' | 'loading' | 'ready' | 'error';

interface SessionState {
  user: UserView | null;
  status: Status;
  error: string;
  login(): Promise<void>;
  setUser(user: UserView): void;
  reset(): void;
}

const initial = { user: null, status: 'idle' as Status, error: '' };

export const useSession = create<SessionState>()((set, get) => ({
  ...initial,
  async login() {
    if (get().status === 'loading') return;
    set({ status: 'loading', error: '' });
    const res = await call('user', 'login', {});
    if (res.ok) get().setUser(res.data.user);
    else set({ status: 'error', error: res.message });
  },
  setUser(user) {
    set({ user, status: 'ready', error: '' });
    // Once logged in, the profile is where 关怀模式 lives, so it follows the resident.
    useSettings.getState().setCareMode(user.careMode);
  },
  reset() {
    set(initial);
  },
}));

export function hasRole(user: UserView | null, role: Role): boolean {
  return Boolean(user?.roles.includes(role));
}
