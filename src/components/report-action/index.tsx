import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button, Dialog } from '@nutui/nutui-react-taro';
import { contract } from '@core/contract';
import {
  REPORT_CATEGORIES,
  REPORT_CATEGORY_LABELS,
  TARGET_KIND_LABELS,
  type TargetKind,
} from '@core/domain/moderation';
import { ChoiceField } from '../form/choice-field';
import { TextAreaField } from '../form/text-area-field';
import { useAction } from '../../hooks/use-action';
import { useCall } from '../../hooks/use-call';
import { useForm } from '../../hooks/use-form';
import './index.scss';

const schema = contract.moderation.report.input;

interface Props {
  kind: TargetKind;
  id: string;
  /** The item's server-computed flag: public, and not the caller's own. */
  mayReport: boolean;
}

/**
 * 举报 for anything residents publish (a wish, a 百姓点菜 proposal): a button that opens a dialog
 * (a category and a reason), then "已举报，待处理" until staff decide; the outcome is shown here
 * and sent to the reporter. WeChat requires user content to be open to complaints (运营规范 7.3).
 */
export function ReportAction({ kind, id, mayReport }: Props) {
  const mine = useCall('moderation', 'myReport', mayReport ? { kind, id } : null);
  const [open, setOpen] = useState(false);
  const blank = { kind, id, category: undefined, text: '' };
  const form = useForm(schema, blank);
  const send = useAction('moderation', 'report', {
    done: '已举报，社区会尽快处理',
    onFail: form.showFailure,
  });

  const submit = async () => {
    const report = await form.submit(send.run, { kind, id });
    if (!report) return;
    mine.setData(report);
    setOpen(false);
    form.reset(blank);
  };

  const report = mine.data;
  if (report?.status === 'open') {
    return (
      <View className="llt-report muted" data-testid="report-status">
        已举报，待处理
      </View>
    );
  }
  if (!mayReport) return null;
  return (
    <View className="llt-report">
      {report && (
        <View className="muted" data-testid="report-status">
          您的举报已处理：{report.statusLabel}
          {report.note ? `（${report.note}）` : ''}
        </View>
      )}
      <Button size="small" fill="none" onClick={() => setOpen(true)} data-testid="report-open">
        举报
      </Button>
      <Dialog
        visible={open}
        title={`举报${TARGET_KIND_LABELS[kind]}`}
        confirmText={send.busy ? '提交中…' : '提交举报'}
        cancelText="取消"
        onConfirm={() => void submit()}
        onCancel={() => setOpen(false)}
      >
        <View data-testid="report-dialog">
          <ChoiceField
            label="举报类型"
            options={REPORT_CATEGORIES}
            labels={REPORT_CATEGORY_LABELS}
            {...form.field('category')}
          />
          <TextAreaField
            label="举报说明"
            placeholder={
              form.values.category === 'other' ? '请说明举报原因' : '补充说明（选填），社区工作人员会看到'
            }
            {...form.field('text')}
          />
          <View className="muted">举报内容仅社区工作人员可见，处理结果会通知您。</View>
        </View>
      </Dialog>
    </View>
  );
}
