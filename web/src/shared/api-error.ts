// The API's one error shape as an exception; free of DOM types so pure modules (and their tests in
// workerd) can use it.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { path?: string; message: string; [k: string]: unknown }[] = [],
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }
}
