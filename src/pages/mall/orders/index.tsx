import { ListFooter } from '../../../components/list-footer';
import { ListRow } from '../../../components/list-row';
import { Loaded } from '../../../components/loaded';
import { OrderSummary } from '../../../components/order-summary';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { usePaged } from '../../../hooks/use-paged';
import { go } from '../../../services/navigation';

/** 我的兑换: every order, newest first, more as the resident scrolls. */
export default function Orders() {
  const orders = usePaged('mall', 'myOrders', {});
  return (
    <PageShell>
      <Loaded
        state={orders}
        skeleton="list"
        empty={{
          title: '还没有兑换记录',
          description: '志愿服务攒下的积分，可以在爱心超市兑换好物',
          action: { text: '去爱心超市', onClick: () => go('points') },
        }}
      >
        {(list) => (
          <Section>
            {list.map((order) => (
              <ListRow
                key={order.id}
                testId="order"
                onClick={() => go('order', { id: order.id })}
                title={<OrderSummary order={order} />}
              />
            ))}
            <ListFooter list={orders} />
          </Section>
        )}
      </Loaded>
    </PageShell>
  );
}
