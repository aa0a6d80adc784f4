// Values the global setup (Node) hands to the workers pool and tests.
declare module "vitest" {
  interface ProvidedContext {
    fakesUrl: string;
    telnyxPublicKey: string;
  }
}
export {};
