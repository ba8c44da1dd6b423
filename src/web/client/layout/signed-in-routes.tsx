import { lazy, Suspense, useEffect } from "react";
import { CreditsPage } from "../credits/credits-page.tsx";
import { DashboardPage } from "../dashboard/dashboard-page.tsx";
import { useMe } from "../hooks/queries.ts";
import { isSignedOut } from "../lib/api.ts";
import { navigate, useLocation } from "../lib/router.ts";
import { AppShell } from "./app-shell.tsx";
import { LoadingScreen } from "./loading-screen.tsx";

// The workspace carries the chat machinery (the AI SDK); it loads when a project is opened.
const WorkspacePage = lazy(() =>
  import("../workspace/workspace-page.tsx").then((module) => ({ default: module.WorkspacePage })),
);

/** The pages behind sign-in; without a session they send the visitor to sign in. */
export function SignedInRoutes() {
  const { pathname } = useLocation();
  const me = useMe();
  const signedOut = me.isError && isSignedOut(me.error);

  useEffect(() => {
    if (signedOut) navigate(`/sign-in${window.location.search}`, { replace: true });
  }, [signedOut]);

  if (me.isPending || signedOut) return <LoadingScreen />;
  if (me.isError) {
    return (
      <LoadingScreen
        error={`${me.error.message} Reload the page to try again.`}
        onRetry={() => {
          void me.refetch();
        }}
      />
    );
  }
  const projectMatch = /^\/projects\/([0-9a-f-]{36})$/.exec(pathname);
  return (
    <AppShell me={me.data}>
      {projectMatch?.[1] ? (
        <Suspense fallback={<LoadingScreen />}>
          <WorkspacePage key={projectMatch[1]} projectId={projectMatch[1]} />
        </Suspense>
      ) : pathname === "/credits" ? (
        <CreditsPage />
      ) : (
        <DashboardPage />
      )}
    </AppShell>
  );
}
