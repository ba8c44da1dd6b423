import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { CheckInboxPage } from "./auth/check-inbox-page.tsx";
import { ForgotPasswordPage } from "./auth/forgot-password-page.tsx";
import { ResetPasswordPage } from "./auth/reset-password-page.tsx";
import { SignInPage } from "./auth/sign-in-page.tsx";
import { SignUpPage } from "./auth/sign-up-page.tsx";
import { SignedInRoutes } from "./layout/signed-in-routes.tsx";
import { isSignedOut } from "./lib/api.ts";
import { useLocation } from "./lib/router.ts";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) => !isSignedOut(error) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const publicPages: Record<string, () => React.JSX.Element> = {
  "/sign-in": SignInPage,
  "/sign-up": SignUpPage,
  "/forgot-password": ForgotPasswordPage,
  "/reset-password": ResetPasswordPage,
  "/check-inbox": CheckInboxPage,
};

/** The single-page app: account pages are public; everything else needs a session. */
export function App() {
  const { pathname } = useLocation();
  const PublicPage = publicPages[pathname];
  return (
    <QueryClientProvider client={queryClient}>
      {PublicPage ? <PublicPage /> : <SignedInRoutes />}
    </QueryClientProvider>
  );
}
