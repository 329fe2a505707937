import { useCallback, useRef, useState, type ReactNode } from 'react';
import { View } from '@tarojs/components';
import { Dialog, Input, TextArea } from '@nutui/nutui-react-taro';
import type { z } from 'zod';
import { limitsOf, messageOf } from '../../hooks/use-form';
import './index.scss';

export interface PromptOptions {
  title: string;
  /** What to write, e.g. 将通知所有报名者. */
  placeholder?: string;
  confirmText?: string;
  initial?: string;
  /** The action's schema for this one value: its limits bind the box, its message shows under it. */
  field: z.ZodType;
  /** A whole number (the phone's number pad) instead of text. */
  numeric?: boolean;
  /** Said when the box is left empty, for a value the act needs though its schema allows ''. */
  required?: string;
}

interface Open extends PromptOptions {
  resolve(value: string | null): void;
}

/**
 * Ask for one value in a dialog that has an input box on every platform (`Taro.showModal`'s
 * `editable` shows none in H5). `const prompt = usePrompt()`, render `{prompt.dialog}`, then
 * `const reason = await prompt.ask({ title, field })` — the text, or null when cancelled.
 */
export function usePrompt(): { ask(options: PromptOptions): Promise<string | null>; dialog: ReactNode } {
  const [open, setOpen] = useState<Open | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const current = useRef<Open | null>(null);

  const ask = useCallback(
    (options: PromptOptions) =>
      new Promise<string | null>((resolve) => {
        current.current?.resolve(null);
        const next = { ...options, resolve };
        current.current = next;
        setText(options.initial ?? '');
        setError('');
        setOpen(next);
      }),
    [],
  );

  const finish = (value: string | null) => {
    current.current?.resolve(value);
    current.current = null;
    setOpen(null);
  };

  const confirm = () => {
    if (!open) return;
    if (open.required && text.trim() === '') {
      setError(open.required);
      return;
    }
    const value = open.numeric ? (text.trim() === '' ? undefined : Number(text)) : text;
    const checked = open.field.safeParse(value);
    if (!checked.success) {
      setError(messageOf(checked.error.issues[0]));
      return;
    }
    finish(text.trim());
  };

  const maxLength = open ? limitsOf(open.field).maxLength : undefined;
  const dialog = (
    <Dialog
      visible={open !== null}
      title={open?.title}
      confirmText={open?.confirmText ?? '确定'}
      cancelText="取消"
      onConfirm={confirm}
      onCancel={() => finish(null)}
    >
      <View data-testid="prompt-dialog">
        {open?.numeric ? (
          <Input
            className="llt-prompt__input"
            name="prompt"
            type="number"
            value={text}
            onChange={setText}
            placeholder={open.placeholder}
            maxLength={maxLength}
          />
        ) : (
          <TextArea
            className="llt-prompt__input"
            value={text}
            onChange={setText}
            placeholder={open?.placeholder}
            maxLength={maxLength}
            showCount={maxLength !== undefined}
            autoSize
            data-testid="prompt-input"
          />
        )}
        {error && (
          <View className="llt-prompt__error" data-testid="prompt-error">
            {error}
          </View>
        )}
      </View>
    </Dialog>
  );
  return { ask, dialog };
}
