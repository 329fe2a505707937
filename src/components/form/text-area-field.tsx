import { TextArea } from '@nutui/nutui-react-taro';
import { FieldShell, defaultPlaceholder, type FieldProps } from './field';

/** Long text (an event's 介绍, a reason): several lines, with the count against the schema's maximum. */
export function TextAreaField({
  name,
  label,
  value,
  onChange,
  maxLength,
  required,
  error,
  placeholder,
}: FieldProps<string>) {
  return (
    <FieldShell name={name} label={label} required={required} error={error} stacked>
      <TextArea
        className="llt-field__textarea"
        value={value ?? ''}
        onChange={(text) => onChange(text)}
        placeholder={placeholder ?? defaultPlaceholder(label, required)}
        maxLength={maxLength}
        showCount={maxLength !== undefined}
        autoSize
        rows={3}
        data-testid={`textarea-${name}`}
      />
    </FieldShell>
  );
}
