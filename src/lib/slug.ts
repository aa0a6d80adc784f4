// Public slugs for locations (/join/:slug, /book/:slug): lower case letters, digits and single dashes.
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){1,62}$/;

// Words that would collide with pages or read as official.
const RESERVED = new Set(["api", "app", "admin", "login", "signup", "invite", "join", "book", "w", "webhooks", "static", "assets", "seatline", "help", "support"]);

export function isValidSlug(slug: string): boolean {
  return SLUG_PATTERN.test(slug) && !RESERVED.has(slug);
}

export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  const slug = base.length >= 2 ? base : `place-${base}`.replace(/-$/, "");
  return RESERVED.has(slug) ? `${slug}-place` : slug;
}

export function slugWithSuffix(base: string): string {
  const suffix = crypto.getRandomValues(new Uint8Array(3)).reduce((s, b) => s + b.toString(36).padStart(2, "0"), "").slice(0, 5);
  return `${base.slice(0, 56)}-${suffix}`;
}
