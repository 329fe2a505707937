import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { contract, type EventView } from '@core/contract';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { usePrompt } from '../../../components/prompt-dialog';
import { useAction } from '../../../hooks/use-action';
import { useCall } from '../../../hooks/use-call';
import { useForm } from '../../../hooks/use-form';
import { useParams } from '../../../hooks/use-params';
import { showDone } from '../../../services/feedback';
import { back } from '../../../services/navigation';
import { BLANK, EventFields, draftOf, schema } from './fields';

/** Staff write an event as a draft, publish it, edit it, or cancel it with a reason. */
function EventEditor({ loaded, projectId }: { loaded: EventView | null; projectId?: string }) {
  const [event, setEvent] = useState(loaded);
  // Opened from a 微实事 project (发布关联活动): a 微实事项目 event of that project.
  const blank = projectId ? { ...BLANK, category: 'project' as const, projectId } : BLANK;
  const form = useForm(schema, loaded ? draftOf(loaded) : blank);
  const prompt = usePrompt();
  const save = useAction('events', 'save', { onFail: form.showFailure });
  const publish = useAction('events', 'publish', {
    confirm: {
      title: '发布活动',
      content: '发布后居民即可报名；有人报名后活动时间不能再改。',
      confirmText: '发布',
    },
    done: '已发布',
  });
  const cancel = useAction('events', 'cancel', { done: '已取消并通知报名者' });

  const saveForm = async (): Promise<EventView | undefined> => {
    // Only a 微实事项目 event belongs to a project (the server refuses a project on another kind).
    const projectId = form.values.category === 'project' ? form.values.projectId : undefined;
    const saved = await form.submit(save.run, { eventId: event?.id, projectId });
    if (saved) setEvent(saved);
    return saved;
  };
  const saveDraft = async () => (await saveForm()) && showDone('已保存');
  const saveAndPublish = async () => {
    const saved = await saveForm();
    if (saved && (await publish.run({ eventId: saved.id }))) back();
  };
  const savePublished = async () => {
    if (await saveForm()) {
      showDone('已保存');
      back();
    }
  };
  const cancelEvent = async (target: EventView) => {
    const reason = await prompt.ask({
      title: '取消活动',
      placeholder: '请填写取消原因，将通知所有报名者',
      confirmText: '取消活动',
      field: contract.events.cancel.input.shape.reason,
    });
    if (reason !== null && (await cancel.run({ eventId: target.id, reason }))) back();
  };

  const published = event?.status === 'published';
  const busy = save.busy || publish.busy || cancel.busy;
  // Residents' sign-ups copy the times: once anyone is in, they stay (the server refuses a change).
  const timesFrozen = Boolean(event && (event.confirmedCount > 0 || event.waitlistCount > 0));
  return (
    <>
      <EventFields form={form} timesFrozen={timesFrozen} />
      <View className="form-actions actions">
        {published ? (
          <Button type="primary" loading={busy} onClick={() => void savePublished()}>
            保存
          </Button>
        ) : (
          <>
            <Button loading={busy} onClick={() => void saveDraft()}>
              保存草稿
            </Button>
            <Button type="primary" loading={busy} onClick={() => void saveAndPublish()}>
              发布
            </Button>
          </>
        )}
        {event && event.status !== 'cancelled' && (
          <Button onClick={() => void cancelEvent(event)}>取消活动</Button>
        )}
      </View>
      {prompt.dialog}
    </>
  );
}

export default function EditEvent() {
  const { id, projectId } = useParams('staffEventEdit');
  const event = useCall('events', 'get', id ? { eventId: id } : null, { refreshOnShow: false });
  return (
    <PageShell>
      {id ? (
        <Loaded state={event} skeleton="form">
          {(e) => <EventEditor loaded={e} />}
        </Loaded>
      ) : (
        <EventEditor loaded={null} projectId={projectId} />
      )}
    </PageShell>
  );
}
