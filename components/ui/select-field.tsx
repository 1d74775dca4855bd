import type { SelectHTMLAttributes } from "react";

/** A labelled select with its error message tied to it for screen readers (the select's Field). */
export function SelectField({
  id,
  label,
  options,
  placeholder,
  error,
  labelClassName = "text-sm font-semibold",
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & {
  id: string;
  label: string;
  options: readonly { value: string; label: string }[];
  /** A first option meaning "none" or "any" (value ""). */
  placeholder?: string;
  error?: string;
  labelClassName?: string;
}) {
  const errorId = `${id}-error`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className="rounded border border-neutral-500 px-3 py-2 text-base"
        {...props}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={errorId} className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
