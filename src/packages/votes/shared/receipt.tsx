import { View } from '@tarojs/components';
import type { BallotReceipt } from '@core/contract';
import { formatYuan } from '@core/domain/voting';
import { formatDateTime } from '@core/time';
import { Section } from '../../../components/section';

/** 您的选票已记录: what the ballot chose, how and when it was cast. Final: there is nothing to change. */
export function Receipt({ receipt, budgetRound }: { receipt: BallotReceipt; budgetRound: boolean }) {
  return (
    <Section className="votes-receipt" testId="ballot-receipt">
      <View className="votes-receipt__title">您的选票已记录</View>
      {receipt.choices.map((c, i) => (
        <View key={c.proposalId} data-testid="receipt-choice">
          {i + 1}. {c.title}
          {budgetRound && c.estimatedCost !== null ? `（${formatYuan(c.estimatedCost)}）` : ''}
        </View>
      ))}
      {budgetRound && <View>合计：{formatYuan(receipt.totalCost)}</View>}
      <View className="muted">
        {receipt.channelLabel}选票 · {formatDateTime(receipt.castAt)}
        {receipt.recordedByName ? ` · 由${receipt.recordedByName}代录` : ''}
      </View>
      <View className="muted">选票一经提交即为最终结果，不能修改。</View>
    </Section>
  );
}
