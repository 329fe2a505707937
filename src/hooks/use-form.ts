/**
 * A form bound to the action's zod schema: `const form = useForm(userContract.updateProfile.input,
 * initial)`, then `<TextField label="昵称" {...form.field('nickname')} />`.
 *
 * `field(name)` gives the field its value, change handler, the limits the schema declares
 * (max length, min/max, required) and, after a failed `validate()`, the schema's Chinese
 * message — so no page copies a number or a message out of core/contract.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { z } from 'zod';
import type { Fail } from '@core/errors';
import { showError } from '../services/feedback';

type Shape = Record<string, z.ZodType>;
type AnyObject = z.ZodType & { shape: Shape };

/** What the form holds: the action's input, any field still empty. */
export type Draft<S extends AnyObject> = { [K in keyof z.input<S>]?: z.input<S>[K] };

export interface FieldLimits {
  required: boolean;
  maxLength?: number;
  min?: number;
  /** A number's maximum, or how many items a list may hold. */
  max?: number;
}

/** What a field component takes: spread it, `{...form.field('title')}`. */
export interface FieldBinding<V> extends FieldLimits {
  name: string;
  value: V | undefined;
  onChange(value: V | undefined): void;
  error?: string;
}

interface Introspected {
  _zod: {
    def: {
      type: string;
      innerType?: Introspected;
      options?: Introspected[];
      values?: unknown[];
      checks?: { _zod: { def: { check: string; maximum?: number } } }[];
    };
  };
  minLength?: number | null;
  maxLength?: number | null;
  minValue?: number | null;
  maxValue?: number | null;
}

/** The limits a schema declares for one field, read from zod's own introspection. */
export function limitsOf(schema: z.ZodType): FieldLimits {
  let node = schema as unknown as Introspected;
  let optional = false;
  for (;;) {
    const { type, innerType, options } = node._zod.def;
    if ((type === 'optional' || type === 'nullable' || type === 'default') && innerType) {
      optional = true;
      node = innerType;
    } else if (type === 'union' && options) {
      // `storedImage`, a phone number or '': the empty choice makes it optional.
      if (options.some((o) => o._zod.def.type === 'literal' && o._zod.def.values?.includes('')))
        optional = true;
      node = options.find((o) => o._zod.def.type !== 'literal') ?? options[0];
    } else break;
  }
  const { type } = node._zod.def;
  const limits: FieldLimits = { required: !optional };
  if (type === 'string') {
    limits.maxLength = node.maxLength ?? undefined;
    limits.required = !optional && (node.minLength ?? 0) > 0;
  } else if (type === 'number') {
    limits.min = node.minValue ?? undefined;
    limits.max = node.maxValue ?? undefined;
    if (limits.max !== undefined && Number.isFinite(limits.max)) limits.maxLength = String(limits.max).length;
  } else if (type === 'array') {
    // A list (photos): `max` is how many items it may hold.
    const most = node._zod.def.checks?.find((c) => c._zod.def.check === 'max_length');
    limits.max = most?._zod.def.maximum;
  }
  return limits;
}

const HAS_CHINESE = /[\u4e00-\u9fa5]/;

/** The schema's own message when it wrote one in Chinese, else a plain one for the issue. */
export function messageOf(issue: z.core.$ZodIssue): string {
  if (HAS_CHINESE.test(issue.message)) return issue.message;
  if (issue.code === 'too_small') {
    const { minimum, origin } = issue as { minimum: number | bigint; origin?: string };
    if (origin === 'string') return Number(minimum) <= 1 ? '请填写此项' : `至少${minimum}个字`;
    return `不能小于${minimum}`;
  }
  if (issue.code === 'too_big') {
    const { maximum, origin } = issue as { maximum: number | bigint; origin?: string };
    return origin === 'string' ? `不能超过${maximum}个字` : `不能大于${maximum}`;
  }
  if (issue.code === 'invalid_value') return '请选择此项';
  if (issue.code === 'invalid_type') return '请填写此项';
  return '填写有误，请检查';
}

export interface Form<S extends AnyObject> {
  values: Draft<S>;
  errors: Partial<Record<keyof z.input<S>, string>>;
  field<K extends keyof z.input<S> & string>(name: K): FieldBinding<NonNullable<z.input<S>[K]>>;
  set<K extends keyof z.input<S> & string>(name: K, value: z.input<S>[K] | undefined): void;
  /** Replace all values (a loaded item to edit, or a blank form after saving). */
  reset(values: Draft<S>): void;
  /**
   * Check the values (with `extra`, e.g. the id being edited) against the schema; on failure
   * every field shows its message and null is returned.
   */
  validate(extra?: Draft<S>): z.input<S> | null;
  /**
   * Validate (with `extra`), then send the input (usually an action's `run`): the answer, or
   * undefined when the form or the server refused it.
   */
  submit<T>(send: (input: z.input<S>) => Promise<T | undefined>, extra?: Draft<S>): Promise<T | undefined>;
  /** Put a server refusal naming a field (INVALID_INPUT) under that field; true when it did. */
  showFailure(failure: Fail): boolean;
}

export function useForm<S extends AnyObject>(schema: S, initial: Draft<S>): Form<S> {
  type Input = z.input<S>;
  type Key = keyof Input & string;
  const [values, setValues] = useState<Draft<S>>(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof Input, string>>>({});
  const latest = useRef(values);
  latest.current = values;
  const limits = useMemo(() => {
    const all: Record<string, FieldLimits> = {};
    for (const [name, field] of Object.entries(schema.shape)) all[name] = limitsOf(field);
    return all;
  }, [schema]);

  const set = useCallback((name: Key, value: Input[Key] | undefined) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((e) => (e[name] ? { ...e, [name]: undefined } : e));
  }, []);

  const field = useCallback(
    <K extends Key>(name: K): FieldBinding<NonNullable<Input[K]>> => ({
      name,
      value: values[name] as NonNullable<Input[K]> | undefined,
      onChange: (value) => set(name, value as Input[K]),
      error: errors[name],
      ...(limits[name] ?? { required: false }),
    }),
    [values, errors, limits, set],
  );

  const validate = useCallback(
    (extra: Draft<S> = {}): Input | null => {
      const input = { ...latest.current, ...extra };
      const result = schema.safeParse(input);
      if (result.success) {
        setErrors({});
        // The schema accepted these values: they are the action's input.
        return input as Input;
      }
      const found: Partial<Record<keyof Input, string>> = {};
      for (const issue of result.error.issues) {
        const name = String(issue.path[0] ?? '') as keyof Input;
        if (name && !found[name]) found[name] = messageOf(issue);
      }
      setErrors(found);
      return null;
    },
    [schema],
  );

  const showFailure = useCallback(
    (failure: Fail) => {
      const name = (failure as Fail & { field?: string }).field;
      if (failure.code !== 'INVALID_INPUT' || !name || !(name in schema.shape)) return false;
      setErrors((e) => ({ ...e, [name]: failure.message }));
      return true;
    },
    [schema],
  );

  const reset = useCallback((next: Draft<S>) => {
    setValues(next);
    setErrors({});
  }, []);

  const submit = useCallback(
    async <T>(send: (input: Input) => Promise<T | undefined>, extra?: Draft<S>) => {
      const input = validate(extra);
      if (input) return send(input);
      // The messages sit under their fields, which may be out of sight on a long form.
      showError({ message: '请检查标红的内容' });
      return undefined;
    },
    [validate],
  );

  return { values, errors, field, set, reset, validate, submit, showFailure };
}
