import { Clapperboard } from "lucide-react";
import type { ReactNode } from "react";

/** The frame of the account pages: the studio's name and one card. */
export function AuthLayout(props: { title: string; subtitle?: ReactNode; children: ReactNode }) {
  return (
    <main className="flex min-h-full items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2 text-amber-400">
          <Clapperboard aria-hidden />
          <span className="text-lg font-semibold tracking-tight">NollyAI Studio</span>
        </div>
        <section
          className="rounded-xl border border-stone-800 bg-stone-900 p-6 shadow-xl"
          aria-labelledby="auth-title"
        >
          <h1 id="auth-title" className="text-xl font-semibold">
            {props.title}
          </h1>
          {props.subtitle ? (
            <p className="mt-1 mb-4 text-sm text-stone-400">{props.subtitle}</p>
          ) : (
            <div className="mb-4" />
          )}
          {props.children}
        </section>
      </div>
    </main>
  );
}
