/**
 * The parts of a wish's form, shared by 发布心愿 (a resident), 代发布 (staff, for a neighbour
 * without a phone) and staff's 修改: what is wished, and — only when posting — who it is for and
 * how to reach them. Limits and messages come from the action's zod schema (useForm).
 */
import { View } from '@tarojs/components';
import { contract, WishContactInput, type UserView, type WishView } from '@core/contract';
import { MAX_WANTED_DAYS, WISH_CATEGORIES, WISH_CATEGORY_LABELS } from '@core/domain/wishes';
import { DAY_MS, startOfDay } from '@core/time';
import { CheckField } from '../form/check-field';
import { ChoiceField } from '../form/choice-field';
import { DateTimeField } from '../form/date-time-field';
import { PhotosField } from '../form/photos-field';
import { TextAreaField } from '../form/text-area-field';
import { TextField } from '../form/text-field';
import { Section } from '../section';
import { useForm, type Draft, type Form } from '../../hooks/use-form';
import { showError } from '../../services/feedback';
import { redirect } from '../../services/navigation';

/** What is wished: the post's input without who it is for (a form of its own) and the request id. */
export const wishContentSchema = contract.wishes.post.input.omit({ contact: true, requestId: true });
export type WishContentForm = Form<typeof wishContentSchema>;
export const wishContactSchema = WishContactInput;
export type WishContactForm = Form<typeof wishContactSchema>;

const BLANK_CONTENT: Draft<typeof wishContentSchema> = { title: '', story: '', photos: [] };

/** What staff start from when editing: the wish as it reads now. */
export function contentOf(wish: WishView): Draft<typeof wishContentSchema> {
  const { title, story, category, wantedBy, photos } = wish;
  return { title, story, category, wantedBy, photos };
}

/** Who a wish is for, from their profile (the resident themselves, or the neighbour staff post for). */
export function contactOf(user: UserView | null): Draft<typeof wishContactSchema> {
  return {
    name: user?.realName || user?.displayName || '',
    building: user?.building ?? '',
    unit: user?.unit ?? '',
    phone: user?.phone ?? '',
    phoneConsent: false,
  };
}

export function WishContentFields({ form }: { form: WishContentForm }) {
  const today = startOfDay(Date.now());
  return (
    <Section title="心愿内容">
      <TextField label="心愿" placeholder="如：想要一副老花镜" {...form.field('title')} />
      <TextAreaField label="说说缘由" placeholder="简单说说为什么需要（选填）" {...form.field('story')} />
      <ChoiceField
        label="类别"
        options={WISH_CATEGORIES}
        labels={WISH_CATEGORY_LABELS}
        {...form.field('category')}
      />
      <DateTimeField
        type="date"
        label="期望日期"
        placeholder={`${MAX_WANTED_DAYS}天之内，希望在哪天前实现`}
        from={today}
        until={today + MAX_WANTED_DAYS * DAY_MS}
        suggest={today + 7 * DAY_MS}
        {...form.field('wantedBy')}
      />
      <PhotosField
        label="照片"
        folder="wishes"
        hint="选填；不要拍到门牌、证件等个人信息"
        {...form.field('photos')}
      />
    </Section>
  );
}

/**
 * Who the wish is for. The consent sits above the phone box, so it is read before a number is
 * typed: the phone goes only to the member who claims the wish (and to staff), never the wall.
 */
function WishContactFields({ form }: { form: WishContactForm }) {
  return (
    <Section title="心愿人信息">
      <View className="muted" data-testid="contact-privacy">
        以下信息仅认领心愿的党员和社区工作人员可见；心愿墙只显示姓氏和楼栋（如：王** · 3栋）。
      </View>
      <TextField label="姓名" {...form.field('name')} />
      <TextField label="楼栋" placeholder="如：3号楼" {...form.field('building')} />
      <TextField label="单元门牌" placeholder="如：2单元301（选填）" {...form.field('unit')} />
      <CheckField
        label="我同意将手机号提供给认领心愿的党员，仅用于联系实现心愿"
        {...form.field('phoneConsent')}
      />
      <TextField label="手机号" type="number" placeholder="选填；需先勾选上方同意" {...form.field('phone')} />
    </Section>
  );
}

/** Check both parts; the post's input without its request id, or null with the fields marked. */
function validateWish(content: WishContentForm, contact: WishContactForm) {
  const what = content.validate();
  const who = contact.validate();
  if (what && who) return { ...what, contact: who };
  showError({ message: '请检查标红的内容' });
  return null;
}

export type WishDraft = NonNullable<ReturnType<typeof validateWish>>;

/**
 * A new wish's two forms (what, and for whom) and their submit: both are checked, `send` posts
 * them (wishes.post or postFor), and the page moves on to the wish it created.
 */
export function useWishForms(initialContact: Draft<typeof wishContactSchema>) {
  const content = useForm(wishContentSchema, BLANK_CONTENT);
  const contact = useForm(wishContactSchema, initialContact);
  const submit = async (send: (wish: WishDraft) => Promise<WishView | undefined>) => {
    const wish = validateWish(content, contact);
    const posted = wish && (await send(wish));
    if (posted) setTimeout(() => redirect('wishDetail', { id: posted.id }), 800);
  };
  return { content, contact, submit };
}

/** Both parts of a new wish's form. */
export function NewWishFields({ forms }: { forms: ReturnType<typeof useWishForms> }) {
  return (
    <>
      <WishContentFields form={forms.content} />
      <WishContactFields form={forms.contact} />
    </>
  );
}
