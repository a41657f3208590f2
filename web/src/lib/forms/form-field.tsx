import { useRef, type ReactNode } from 'react';
import { useController, type FieldValues, type Path } from 'react-hook-form';
import type { z } from 'zod';
import type { SchemaForm } from './use-schema-form';

/** What a control needs from its form: the props of TextField, SelectField, TextAreaField and the like. */
export interface BoundField<T> {
  id: string;
  value: T;
  onChange: (value: T) => void;
  /** Pass the focus event when there is one: leaving for the form's submit button leaves the check to the submit. */
  onBlur: (event?: { relatedTarget: EventTarget | null }) => void;
  error: string | undefined;
}

/**
 * One field of a useSchemaForm form. On leaving it, a value the schema accepts is shown as the schema
 * stores it ("98470 12345" becomes 9847012345, "eia-koc-02" EIA-KOC-02, a name loses its outer
 * spaces), so what is saved is what the user saw. It owns when the field is checked: on leaving it, if the user
 * changed it (tabbing through is not a mistake), and at each change while it shows an error, so the
 * message goes as soon as the value is right; each change also judges again the other fields that
 * show an error, which this value may have mended. `checkOnChange` is for controls with no typing, such
 * as a file picker, whose choice is judged at once.
 *
 * Leaving a field by pressing another control with a pointer checks it only once the press has
 * ended: a message appearing above that control in between would push it down from under the
 * pointer, so the release would miss it (a checkbox left unticked, no summary with focus left on the
 * submit button). Pressing its form's submit button does not check it at all, the submit checks
 * everything. Tabbing away still checks the field at once.
 */
export function FormField<S extends z.ZodType, V extends FieldValues, N extends keyof V & Path<V>>({
  form,
  name,
  checkOnChange = false,
  render,
}: {
  form: SchemaForm<S, V>;
  name: N;
  checkOnChange?: boolean;
  render: (field: BoundField<V[N]>) => ReactNode;
}) {
  const { field, fieldState } = useController({ control: form.control, name });
  const isChanged = useRef(false);
  const check = (isSelfChecked = true) => {
    const fields = [...(isSelfChecked ? [name] : []), ...othersShowingErrors(form, name)];
    if (fields.length > 0) void form.trigger(fields);
  };

  return render({
    id: form.idOf(name),
    value: field.value as V[N],
    onChange: (value) => {
      field.onChange(value);
      isChanged.current = true;
      check(checkOnChange || fieldState.error !== undefined);
    },
    onBlur: (event) => {
      field.onBlur();
      if (!isChanged.current) return;
      // What is saved is what the user sees: the value as the schema stores it, once it is right.
      const tidied = form.tidy(name, field.value);
      if (tidied !== field.value) form.setValue(name, tidied as V[N]);
      if (!isPointerDown) check();
      else if (!isSubmitOfSameForm(event?.relatedTarget ?? null, form.idOf(name))) afterPress.push(check);
    },
    error: fieldState.error?.message,
  });
}

/**
 * The other fields showing an error of the schema's, judged again with every check: one value can
 * mend another's error (choosing the GSTIN's state mends the GSTIN), and a message that stayed until
 * the next submit would ask the user to correct what is already right. Only fields already showing
 * an error are judged, so nothing new is said about fields the user has not reached; errors the BFF
 * sent (a code already taken) stay until their own field changes.
 */
function othersShowingErrors<S extends z.ZodType, V extends FieldValues>(form: SchemaForm<S, V>, name: Path<V>): Path<V>[] {
  return form.fields.filter((field) => field !== name && form.getFieldState(field as Path<V>).error?.type === 'schema') as Path<V>[];
}

/** Whether a mouse button, finger or pen is down now: a blur it causes is the first half of a press. */
let isPointerDown = false;
/** Checks of fields left by a press, made once it ends. */
const afterPress: Array<() => void> = [];
if (typeof document !== 'undefined') {
  for (const type of ['pointerdown', 'mousedown']) document.addEventListener(type, () => (isPointerDown = true), true);
  for (const type of ['pointerup', 'mouseup', 'pointercancel', 'dragend']) document.addEventListener(type, release, true);
}

/**
 * Ends a press. The checks it postponed run in a task of their own, after the click that the release
 * makes has reached its control: a message drawn above that control between press and release would
 * have moved it from under the pointer (the e-wallet checkbox below the Checksum key, 78 px).
 */
function release() {
  isPointerDown = false;
  if (afterPress.length === 0) return;
  const checks = afterPress.splice(0);
  setTimeout(() => checks.forEach((check) => check()), 0);
}

/** Whether focus goes to a submit button of the form that holds the control `controlId`. */
function isSubmitOfSameForm(target: EventTarget | null, controlId: string): boolean {
  if (!(target instanceof HTMLButtonElement) || target.type !== 'submit' || target.form === null) return false;
  return target.form === document.getElementById(controlId)?.closest('form');
}
