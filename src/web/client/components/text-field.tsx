import { type InputHTMLAttributes, useId } from "react";

/** A labelled input with its error shown beneath it and linked through `aria-describedby`. */
export function TextField({
  label,
  error,
  hint,
  className = "",
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string | undefined; hint?: string }) {
  const id = useId();
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium text-stone-200">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`h-10 rounded-md border bg-stone-950 px-3 text-stone-100 placeholder:text-stone-500 ${error ? "border-red-500" : "border-stone-700"}`}
        {...input}
      />
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-300">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-stone-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
