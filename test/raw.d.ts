// Vite's `?raw` imports (a file's text), used by tests that check docs against code.
declare module "*?raw" {
  const text: string;
  export default text;
}
