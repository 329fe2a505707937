import { View } from '@tarojs/components';
import { RATING_LABELS } from '@core/domain/projects';
import { FieldShell, type FieldProps } from '../../../components/form/field';

const SCORES = [1, 2, 3, 4, 5];

/** 满意度 1–5 as five stars to tap, with the word for the chosen one. */
export function ScoreField({ name, label, value, onChange, required, error }: FieldProps<number>) {
  return (
    <FieldShell name={name} label={label} required={required} error={error}>
      <View className="votes-score">
        {SCORES.map((score) => (
          <View
            key={score}
            className={`votes-score__star tap${value !== undefined && score <= value ? ' votes-score__star--on' : ''}`}
            onClick={() => onChange(score)}
            data-testid={`score-${score}`}
          >
            ★
          </View>
        ))}
        {value !== undefined && <View className="votes-score__label">{RATING_LABELS[value]}</View>}
      </View>
    </FieldShell>
  );
}

/** A given score as stars, for the comments. */
export function Stars({ score }: { score: number }) {
  return <View className="votes-stars">{'★'.repeat(score) + '☆'.repeat(5 - score)}</View>;
}
