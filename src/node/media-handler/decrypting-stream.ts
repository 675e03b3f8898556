/**
 * A pull-based body over a decrypting iterator: one `next()` (one chunk) per pull, and no pull before the
 * consumer asks (high-water mark 0), so a slow or paused player holds back the decrypting instead of
 * buffering the entry. When the consumer cancels, or `signal` aborts, the iterator is returned, which ends
 * the reader's generator and with it the decrypting. An error from the iterator (a damaged or truncated
 * chunk, a closed file) errors the stream: by then the status line has gone out, so this is the only way
 * left to tell the consumer the body is not whole.
 */
export function createDecryptingStream(
  iterator: AsyncGenerator<Buffer>,
  signal?: AbortSignal,
): ReadableStream<Uint8Array> {
  let finished = false;
  let onAbort: (() => void) | undefined;

  // Idempotent; true only for the call that actually finished the stream.
  const finish = (): boolean => {
    if (finished) return false;
    finished = true;
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    return true;
  };
  const stopDecrypting = (): Promise<void> =>
    // return() waits for a next() in flight, then runs the generator's cleanup; its outcome is of no use.
    iterator.return(undefined).then(
      () => undefined,
      () => undefined,
    );

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (!signal) return;
        onAbort = () => {
          if (!finish()) return;
          controller.error(signal.reason);
          void stopDecrypting();
        };
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
      },
      async pull(controller) {
        if (finished) return;
        try {
          const step = await iterator.next();
          // Aborted or cancelled while this chunk was decrypting: drop it.
          if (finished) return;
          if (step.done) {
            finish();
            controller.close();
          } else {
            controller.enqueue(step.value);
          }
        } catch (error) {
          if (finish()) controller.error(error);
        }
      },
      async cancel() {
        finish();
        await stopDecrypting();
      },
    },
    { highWaterMark: 0 },
  );
}
