import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "ghost" | "danger";

const variants: Record<Variant, string> = {
  primary: "bg-amber-500 text-stone-950 hover:bg-amber-400 disabled:bg-stone-700 disabled:text-stone-400",
  secondary: "border border-stone-700 bg-stone-900 text-stone-100 hover:bg-stone-800 disabled:text-stone-500",
  ghost: "text-stone-300 hover:bg-stone-800 hover:text-stone-50 disabled:text-stone-600",
  danger: "bg-red-600 text-white hover:bg-red-500 disabled:bg-stone-700 disabled:text-stone-400",
};

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: "sm" | "md" };

/** The studio's button: a real `<button>` with a visible focus ring and variants. */
export function Button({
  variant = "secondary",
  size = "md",
  className = "",
  type = "button",
  ...rest
}: ButtonProps) {
  const sizing = size === "sm" ? "h-8 px-2.5 text-sm" : "h-10 px-4 text-sm";
  return (
    <button
      type={type}
      className={`inline-flex shrink-0 items-center justify-center gap-2 rounded-md font-medium transition-colors disabled:cursor-not-allowed ${sizing} ${variants[variant]} ${className}`}
      {...rest}
    />
  );
}
