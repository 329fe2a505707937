import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { canScan, scanQr } from '../../services/scan';
import { TextField } from '../form/text-field';
import { type FieldProps } from '../form/field';

export interface CodeAction {
  /** The button that sends the typed code, e.g. 查询. */
  text: string;
  /** The button that scans instead (mini-program only), e.g. 扫码签到. */
  scanText: string;
  run(code: string): unknown;
}

interface Props extends FieldProps<string> {
  actions: readonly CodeAction[];
  busy?: boolean;
}

/**
 * A code that is scanned on the phone or typed (or pasted in H5): a pickup code, a 签到码, a
 * 电子志愿者证. Each action has a scan button (mini-program) and a button for the typed code.
 */
export function CodeInput({ actions, busy, ...field }: Props) {
  const scan = async (action: CodeAction) => {
    const code = await scanQr();
    if (code) {
      field.onChange(code);
      await action.run(code);
    }
  };
  return (
    <View data-testid={`code-input-${field.name}`}>
      {canScan && (
        <View className="actions">
          {actions.map((action, i) => (
            <Button
              key={action.scanText}
              type={i === 0 ? 'primary' : 'default'}
              disabled={busy}
              onClick={() => void scan(action)}
            >
              {action.scanText}
            </Button>
          ))}
        </View>
      )}
      <TextField {...field} />
      <View className="actions">
        {actions.map((action, i) => (
          <Button
            key={action.text}
            type={i === 0 && !canScan ? 'primary' : 'default'}
            size="small"
            disabled={busy}
            onClick={() => void action.run((field.value ?? '').trim())}
          >
            {action.text}
          </Button>
        ))}
      </View>
    </View>
  );
}
