import { useSession } from '../stores/session';
import { useSettings } from '../stores/settings';
import { call } from './cloud';
import { showError } from './feedback';

/** Switch 关怀模式 on this device at once, and on the resident's profile when logged in. */
export async function saveCareMode(enabled: boolean): Promise<void> {
  useSettings.getState().setCareMode(enabled);
  if (!useSession.getState().user) return;
  const res = await call('user', 'setCareMode', { enabled });
  if (res.ok) useSession.getState().setUser(res.data);
  else showError(res);
}
