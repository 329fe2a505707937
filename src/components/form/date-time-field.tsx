import { useState } from 'react';
import { View } from '@tarojs/components';
import { DatePicker } from '@nutui/nutui-react-taro';
import { DAY_MS, formatDateTime, formatDay, fromWallClock, toWallClock, type EpochMs } from '@core/time';
import { FieldShell, defaultPlaceholder, type FieldProps } from './field';

interface Props extends FieldProps<EpochMs> {
  /** Where the picker opens when the field is empty. */
  suggest?: EpochMs;
  /** The earliest time offered (default: now); nobody plans an event in the past. */
  from?: EpochMs;
  /** The latest time offered (default: two years from `from`). */
  until?: EpochMs;
  /** `date`: a day only (a wish's wanted-by day), kept as the start of that community day. */
  type?: 'datetime' | 'date';
}

const YEARS_AHEAD = 2;

/**
 * The picker shows the community's wall clock in the phone's own `Date`s, whatever zone
 * the phone is set to; the chosen wall-clock time is turned back into UTC ms here.
 */
function pickerDate(ms: EpochMs): Date {
  const t = toWallClock(ms);
  return new Date(t.year, t.month - 1, t.day, t.hour, t.minute);
}

function fromPicker(values: (string | number)[]): EpochMs {
  const [year, month, day, hour = 0, minute = 0] = values.map(Number);
  return fromWallClock({ year, month, day, hour, minute });
}

/** A date (and time) chosen on a picker, never typed: an epoch-ms value in community time. */
export function DateTimeField(props: Props) {
  const { name, label, value, onChange, required, error, placeholder, suggest, from, until } = props;
  const { type = 'datetime' } = props;
  const [open, setOpen] = useState(false);
  const start = from ?? Date.now();
  const format = type === 'date' ? formatDay : formatDateTime;
  return (
    <FieldShell name={name} label={label} required={required} error={error}>
      <View className="llt-field__picker tap" onClick={() => setOpen(true)} data-testid={`picker-${name}`}>
        {value !== undefined ? (
          format(value)
        ) : (
          <View className="llt-field__placeholder">
            {placeholder ?? defaultPlaceholder(label, required, '请选择')}
          </View>
        )}
      </View>
      <DatePicker
        type={type}
        title={label}
        visible={open}
        value={pickerDate(value ?? suggest ?? start)}
        startDate={pickerDate(Math.min(start, value ?? start))}
        endDate={pickerDate(until ?? start + YEARS_AHEAD * 365 * DAY_MS)}
        minuteStep={5}
        onClose={() => setOpen(false)}
        onConfirm={(_options, values) => onChange(fromPicker(values))}
      />
    </FieldShell>
  );
}
