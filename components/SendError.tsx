/** Where a failed message shows; the live region is always there so screen readers announce it. */
export function SendError({ error, onDismiss }: { error: string | undefined; onDismiss: () => void }) {
  return (
    <div className="send-error" role="alert">
      {error && (
        <>
          <p>That didn't go through. {error}</p>
          <button type="button" className="button-quiet" data-action="dismiss-error" onClick={onDismiss}>
            Dismiss
          </button>
        </>
      )}
    </div>
  );
}
