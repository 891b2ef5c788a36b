import { useId } from 'react';

/** A labelled group of checkboxes sharing one name; the chosen values arrive as a list. */
export function CheckboxGroup({
  legend,
  name,
  options,
  defaultValues = [],
  error,
  hint,
}: {
  legend: string;
  name: string;
  options: { value: string; label: string }[];
  defaultValues?: string[];
  error?: string;
  hint?: string;
}) {
  const id = useId();
  return (
    <fieldset
      aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {hint && !error ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <div className="mt-1.5 grid gap-x-4 gap-y-1 sm:grid-cols-2">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name={name}
              value={o.value}
              defaultChecked={defaultValues.includes(o.value)}
              className="h-4 w-4 rounded border-slate-300"
            />
            {o.label}
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function Checkbox({
  label,
  name,
  defaultChecked,
  hint,
}: {
  label: string;
  name: string;
  defaultChecked?: boolean;
  hint?: string;
}) {
  const id = useId();
  return (
    <div>
      <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
        <input
          type="checkbox"
          name={name}
          defaultChecked={defaultChecked}
          aria-describedby={hint ? `${id}-hint` : undefined}
          className="h-4 w-4 rounded border-slate-300"
        />
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="ml-6 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
