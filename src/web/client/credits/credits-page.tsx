import { Coins } from "lucide-react";
import { EmptyState } from "../components/empty-state.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { useCredits, useMe } from "../hooks/queries.ts";
import { formatWhen } from "../lib/format.ts";

/** Credits: the balance and the ledger's history (grants, chat messages, jobs reserved/captured/refunded). */
export function CreditsPage() {
  const me = useMe();
  const credits = useCredits();
  const balance = credits.data?.balance ?? me.data?.profile.credits;
  return (
    <main className="mx-auto w-full max-w-3xl overflow-y-auto p-4 sm:p-6">
      <h1 className="mb-4 text-2xl font-semibold tracking-tight">Credits</h1>
      <section
        className="mb-6 rounded-xl border border-stone-800 bg-stone-900 p-5"
        aria-labelledby="balance-heading"
      >
        <h2 id="balance-heading" className="flex items-center gap-2 text-sm text-stone-400">
          <Coins size={16} className="text-amber-400" aria-hidden /> Balance
        </h2>
        <p className="text-4xl font-semibold">{balance ?? "…"}</p>
        <p className="mt-1 text-sm text-stone-400">
          A chat message costs a couple of credits; long jobs reserve their estimate and refund it if they
          fail.
        </p>
      </section>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-3 text-lg font-semibold">
          History
        </h2>
        {credits.isPending ? (
          <p className="text-sm text-stone-400">Loading history…</p>
        ) : credits.isError ? (
          <ErrorMessage>{credits.error.message}</ErrorMessage>
        ) : !credits.data || credits.data.transactions.length === 0 ? (
          <EmptyState title="No history to show yet">
            Grants, chat messages and jobs will be listed here as they happen.
          </EmptyState>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-stone-800">
            <table className="w-full text-sm">
              <caption className="sr-only">Credit history, newest first</caption>
              <thead className="bg-stone-900 text-left text-stone-400">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    When
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    What
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    Credits
                  </th>
                </tr>
              </thead>
              <tbody>
                {credits.data.transactions.map((entry) => (
                  <tr key={entry.id} className="border-t border-stone-800">
                    <td className="px-3 py-2 whitespace-nowrap text-stone-400">
                      {formatWhen(entry.createdAt)}
                    </td>
                    <td className="px-3 py-2">{entry.description}</td>
                    <td
                      className={`px-3 py-2 text-right font-mono ${entry.amount < 0 ? "text-red-300" : "text-emerald-300"}`}
                    >
                      {entry.amount > 0 ? `+${entry.amount}` : entry.amount}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </main>
  );
}
