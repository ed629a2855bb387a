/**
 * One OpenAI chat-completions request with an image, classified into a
 * success, a retryable failure, a final failure or a fatal configuration
 * error.
 *
 * @module
 */

import { parseRetryAfter } from "./retry.ts";
import { redact } from "./redact.ts";

/** What to send in one request. */
export interface ChatRequest {
  /** Base URL, e.g. `http://localhost:8000/v1`; `/chat/completions` is appended. */
  endpoint: string;
  /** Model name sent in the body. */
  model: string;
  /** Bearer token, or `undefined` to send no `Authorization` header. */
  apiKey?: string;
  /** Sampling temperature. */
  temperature: number;
  /** Optional `max_tokens`. */
  maxTokens?: number;
  /** The text prompt. */
  prompt: string;
  /** The image as a `data:` URL. */
  imageDataUrl: string;
  /** Timeout for the whole exchange (headers and body), in milliseconds. */
  timeoutMs: number;
  /** Aborts the request when the run stops. */
  signal?: AbortSignal;
}

/** The outcome of one attempt. */
export type AttemptResult =
  | {
    kind: "ok";
    response: string;
    promptTokens: number | null;
    completionTokens: number | null;
  }
  | { kind: "retry"; error: string; retryAfterMs: number | null }
  | { kind: "fail"; error: string }
  | { kind: "fatal"; error: string };

/**
 * The JSON body of a chat-completions request: one user message holding the
 * image (as an `image_url` part) and the prompt.
 *
 * @param req The request.
 * @returns The body as a string.
 *
 * @example Usage
 * ```ts
 * import { chatBody } from "./client.ts";
 * const body = JSON.parse(chatBody({
 *   endpoint: "http://x/v1", model: "m", temperature: 1, prompt: "Q?",
 *   imageDataUrl: "data:image/png;base64,AA==", timeoutMs: 1000,
 * }));
 * console.assert(body.messages[0].content[0].type === "image_url");
 * ```
 */
export function chatBody(req: ChatRequest): string {
  const body: Record<string, unknown> = {
    model: req.model,
    temperature: req.temperature,
    messages: [{
      role: "user",
      content: [
        { type: "image_url", image_url: { url: req.imageDataUrl } },
        { type: "text", text: req.prompt },
      ],
    }],
  };
  if (req.maxTokens !== undefined) body.max_tokens = req.maxTokens;
  return JSON.stringify(body);
}

/**
 * Send one chat-completions request and classify the outcome: `ok`; `retry`
 * on 408, 429, 5xx, timeouts, network errors and malformed bodies; `fatal`
 * on 401, 403 and 404 (a configuration error every request would hit);
 * `fail` on other statuses. Error texts never contain the API key.
 * Rejects only when `req.signal` aborts.
 *
 * @param req The request.
 * @returns The classified outcome.
 *
 * @example Usage
 * ```ts ignore
 * import { requestChatCompletion } from "./client.ts";
 * const r = await requestChatCompletion({
 *   endpoint: "http://localhost:8000/v1", model: "m", temperature: 1,
 *   prompt: "Q?", imageDataUrl: "data:image/png;base64,AA==", timeoutMs: 60_000,
 * });
 * if (r.kind === "ok") console.log(r.response);
 * ```
 */
export async function requestChatCompletion(
  req: ChatRequest,
): Promise<AttemptResult> {
  const secrets = req.apiKey ? [req.apiKey] : [];
  // An own timer (cleared at the end) rather than AbortSignal.timeout, which
  // keeps every request's signal alive until it fires: memory would grow
  // with rate x timeout.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException("Request timed out", "TimeoutError"));
  }, req.timeoutMs);
  const onAbort = () => controller.abort(req.signal!.reason);
  if (req.signal?.aborted) onAbort();
  req.signal?.addEventListener("abort", onAbort, { once: true });
  const headers: Record<string, string> = {
    "content-type": "application/json",
  };
  if (req.apiKey) headers.authorization = `Bearer ${req.apiKey}`;
  const url = `${req.endpoint.replace(/\/+$/, "")}/chat/completions`;
  let status = 0;
  let retryAfter: string | null = null;
  let text: string;
  try {
    const res = await fetch(url, {
      method: "POST",
      headers,
      body: chatBody(req),
      signal: controller.signal,
    });
    status = res.status;
    retryAfter = res.headers.get("retry-after");
    text = await res.text();
  } catch (error) {
    if (req.signal?.aborted) throw req.signal.reason;
    const what = timedOut
      ? `timed out after ${req.timeoutMs} ms`
      : `network error: ${error instanceof Error ? error.message : error}`;
    return {
      kind: "retry",
      error: redact(status ? `HTTP ${status}, ${what}` : what, secrets),
      retryAfterMs: null,
    };
  } finally {
    clearTimeout(timer);
    req.signal?.removeEventListener("abort", onAbort);
  }
  if (status < 200 || status > 299) {
    const error = redact(`HTTP ${status}: ${text.slice(0, 300)}`, secrets);
    if (status === 408 || status === 429 || status >= 500) {
      return {
        kind: "retry",
        error,
        retryAfterMs: parseRetryAfter(retryAfter, Date.now()),
      };
    }
    if (status === 401 || status === 403 || status === 404) {
      return { kind: "fatal", error };
    }
    return { kind: "fail", error };
  }
  return parseBody(text, secrets);
}

function parseBody(text: string, secrets: string[]): AttemptResult {
  const malformed = (why: string): AttemptResult => ({
    kind: "retry",
    error: redact(`malformed body (${why}): ${text.slice(0, 200)}`, secrets),
    retryAfterMs: null,
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return malformed("not JSON");
  }
  const choice = (json as { choices?: unknown })?.choices;
  if (!Array.isArray(choice) || choice.length === 0) {
    return malformed("no choices");
  }
  const message = (choice[0] as { message?: { content?: unknown } })?.message;
  if (typeof message !== "object" || message === null) {
    return malformed("no message");
  }
  let content = message.content;
  if (Array.isArray(content)) {
    content = content
      .map((part) => typeof part?.text === "string" ? part.text : "")
      .join("");
  }
  if (content === null || content === undefined) content = "";
  if (typeof content !== "string") return malformed("content is not text");
  const usage = (json as { usage?: Record<string, unknown> }).usage;
  const count = (v: unknown) =>
    typeof v === "number" && Number.isFinite(v) ? v : null;
  return {
    kind: "ok",
    response: content,
    promptTokens: count(usage?.prompt_tokens),
    completionTokens: count(usage?.completion_tokens),
  };
}
