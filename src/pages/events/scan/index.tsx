import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { parseToken } from '@core/domain/checkin-token';
import { AppError } from '@core/errors';
import { formatDateTime } from '@core/time';
import { PageShell } from '../../../components/page-shell';
import { TextField } from '../../../components/text-field';
import { call } from '../../../services/cloud';
import { showError } from '../../../services/feedback';
import { canScan, scanQr } from '../../../services/scan';

/** Scan the leader's 签到码 or 签退码 (in H5, paste it); the code itself says which. */
export default function Scan() {
  const [text, setText] = useState('');
  const [done, setDone] = useState('');

  const submit = async (raw: string) => {
    let purpose: 'in' | 'out';
    try {
      purpose = parseToken(raw).purpose;
    } catch (error) {
      return showError(error instanceof AppError ? error : { message: '签到码无效' });
    }
    const res = await call('events', purpose === 'in' ? 'checkIn' : 'checkOut', { token: raw });
    if (!res.ok) return showError(res);
    const at = purpose === 'in' ? res.data.mine?.checkInAt : res.data.mine?.checkOutAt;
    setDone(
      `${res.data.title}：${purpose === 'in' ? '签到' : '签退'}成功（${formatDateTime(at ?? Date.now())}）`,
    );
  };

  const scan = async () => {
    const result = await scanQr();
    if (result) await submit(result);
  };

  return (
    <PageShell>
      {canScan && (
        <View className="form-actions">
          <Button type="primary" block size="large" onClick={() => void scan()}>
            扫描负责人的签到码
          </Button>
        </View>
      )}
      <View className="section">
        <TextField
          name="checkinToken"
          label="签到码"
          value={text}
          onChange={setText}
          placeholder="粘贴签到码内容"
          maxLength={300}
        />
        <View className="actions">
          <Button type="primary" onClick={() => void submit(text)}>
            提交
          </Button>
        </View>
      </View>
      {done && (
        <View className="section section__title" data-testid="checkin-done">
          {done}
        </View>
      )}
    </PageShell>
  );
}
