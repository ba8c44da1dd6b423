/**
 * The message to show for a failed chat request. The transport puts the server's body in the error's
 * message (`{ "error": { "message" } }`); a dropped connection gives the browser's network error.
 */
export function chatErrorText(error: Error): { text: string; connection: boolean } {
  try {
    const body = JSON.parse(error.message) as { error?: { message?: string } };
    if (body.error?.message) return { text: body.error.message, connection: false };
  } catch {
    // not the server's JSON
  }
  const connection = /fetch|network|connection|aborted|terminated|load failed|ERR_/i.test(error.message);
  return {
    text: connection
      ? "The connection to the studio was lost. Your message is kept: retry when you are back online."
      : error.message || "The reply failed. Retry; if it keeps failing, reload the page.",
    connection,
  };
}
