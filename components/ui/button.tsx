import type { ButtonHTMLAttributes } from "react";

const variants = {
  primary: "bg-neutral-900 text-white hover:bg-neutral-700 disabled:bg-neutral-500",
  secondary: "border border-neutral-400 bg-white text-neutral-900 hover:bg-neutral-100 disabled:text-neutral-500",
  danger: "border border-red-700 bg-white text-red-800 hover:bg-red-50 disabled:text-neutral-500",
} as const;

export function Button({
  variant = "primary",
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof variants }) {
  return (
    <button
      className={`inline-flex items-center justify-center rounded px-4 py-2 text-sm font-semibold transition-colors disabled:cursor-not-allowed ${variants[variant]} ${className}`}
      {...props}
    />
  );
}
