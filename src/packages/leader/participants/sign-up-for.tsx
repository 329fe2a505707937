import { Button } from '@nutui/nutui-react-taro';
import type { ParticipantView } from '@core/contract';
import { ListFooter } from '../../../components/list-footer';
import { ListRow } from '../../../components/list-row';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { usePaged } from '../../../hooks/use-paged';

interface Props {
  eventId: string;
  signedUp: readonly ParticipantView[];
  onDone(): Promise<void>;
}

/**
 * 代老人报名: staff and the event's leaders sign up neighbours without a smartphone whom the
 * community registered (offered where the event's `maySignUpFor` says the server allows it).
 */
export function SignUpManaged({ eventId, signedUp, onDone }: Props) {
  const managed = usePaged('events', 'signUpCandidates', { eventId });
  const signUpFor = useAction('events', 'signUpFor', { done: (p) => `已为${p.name}报名` });
  const signUp = async (userId: ParticipantView['userId']) => {
    if (await signUpFor.run({ eventId, userId })) await onDone();
  };
  return (
    <Section title="代老人报名">
      {managed.data
        ?.filter((m) => !signedUp.some((p) => p.userId === m.id))
        .map((m) => (
          <ListRow
            key={m.id}
            title={m.name}
            description={m.building}
            extra={
              <Button size="small" onClick={() => void signUp(m.id)}>
                报名
              </Button>
            }
          />
        ))}
      <ListFooter list={managed} />
    </Section>
  );
}
