import { Radio } from '@nutui/nutui-react-taro';
import { FieldShell, type FieldProps } from './field';

interface Props<V extends string> extends FieldProps<V> {
  /** The schema's enum values, in order, and how residents read each. */
  options: readonly V[];
  labels: Record<V, string>;
}

/** One of a few (a category, an audience) as radio buttons side by side. */
export function ChoiceField<V extends string>(props: Props<V>) {
  const { name, label, value, onChange, options, labels, required, error } = props;
  return (
    <FieldShell name={name} label={label} required={required} error={error} stacked>
      <Radio.Group value={value} onChange={(v) => onChange(v as V)} direction="horizontal">
        {options.map((option) => (
          <Radio key={option} value={option}>
            {labels[option]}
          </Radio>
        ))}
      </Radio.Group>
    </FieldShell>
  );
}
