import { Input } from '@nutui/nutui-react-taro';
import { FieldShell, defaultPlaceholder, type FieldProps } from './field';

/**
 * A whole number typed on the phone's number pad; empty is `undefined`, so the schema says
 * whether it may be left out. As many digits as the schema's maximum has.
 */
export function NumberField({
  name,
  label,
  value,
  onChange,
  maxLength,
  required,
  error,
  placeholder,
}: FieldProps<number>) {
  return (
    <FieldShell name={name} label={label} required={required} error={error}>
      <Input
        className="llt-field__input"
        name={name}
        type="number"
        value={value === undefined ? '' : String(value)}
        placeholder={placeholder ?? defaultPlaceholder(label, required)}
        maxLength={maxLength}
        onChange={(text) => onChange(text.trim() === '' ? undefined : Number(text))}
      />
    </FieldShell>
  );
}
