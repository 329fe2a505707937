import { Input } from '@nutui/nutui-react-taro';
import { FieldShell, defaultPlaceholder, type FieldProps } from './field';

interface Props extends FieldProps<string> {
  /** `number` brings up the number pad (phone numbers, codes); the value stays text. */
  type?: 'text' | 'number';
}

/** A labelled single-line input; `name` also labels it for tests and assistive tech. */
export function TextField({ type = 'text', ...props }: Props) {
  const { name, label, value, onChange, maxLength, required, error, placeholder } = props;
  return (
    <FieldShell name={name} label={label} required={required} error={error}>
      <Input
        className="llt-field__input"
        name={name}
        value={value ?? ''}
        type={type}
        placeholder={placeholder ?? defaultPlaceholder(label, required)}
        maxLength={maxLength}
        onChange={(text) => onChange(text)}
      />
    </FieldShell>
  );
}
