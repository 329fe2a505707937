import { useCallback, useState } from 'react';

/**
 * Text-field form state: `field('name')` is the change handler for that field, so a page
 * declares its fields once instead of writing a setter for each.
 */
export function useForm<T extends Record<string, string>>(initial: T) {
  const [form, setForm] = useState<T>(initial);
  const field = useCallback(
    (key: keyof T) => (value: string) => setForm((f) => ({ ...f, [key]: value })),
    [],
  );
  return { form, setForm, field };
}
