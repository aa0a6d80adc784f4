// The booking emails' catalogue (domain/reservations/guest-emails.ts): every guest language, every
// kind, the same placeholders; values are escaped in the HTML part.
import { describe, expect, it } from "vitest";
import { GUEST_LANGUAGES } from "../../domain/languages";
import { BOOKING_EMAIL_KINDS, BOOKING_EMAILS, bookingEmail } from "../../domain/reservations/guest-emails";

const values = { name: "Ana <b>", restaurant: "Chez \"Nous\" & Co", time: "Fri, Dec 4, 7:00 PM", partySize: 4, link: "https://seatline.test/book/abc?x=1&y=2" };

describe("booking emails", () => {
  it.each(GUEST_LANGUAGES)("%s: every kind names the restaurant; the summary carries the time and the size", (language) => {
    const c = BOOKING_EMAILS[language];
    for (const kind of BOOKING_EMAIL_KINDS) {
      expect(c.subject[kind], `${language} ${kind}`).toContain("{restaurant}");
      expect(c.lead[kind], `${language} ${kind}`).toContain("{restaurant}");
      expect(c.linkLabel[kind].length).toBeGreaterThan(0);
    }
    expect(c.summary).toContain("{time}");
    expect(c.summary).toContain("{size}");
    expect(c.greeting).toContain("{name}");
    const mail = bookingEmail("reservation_changed", language, values);
    expect(mail.text).not.toMatch(/\{\w+\}/);
    expect(mail.text).toContain(values.link);
    expect(mail.text).toContain("4");
  });

  it("escapes the guest's and the restaurant's names and the link in the HTML", () => {
    const mail = bookingEmail("reservation_confirmation", "en", values);
    expect(mail.html).toContain("Hi Ana &lt;b&gt;,");
    expect(mail.html).toContain("Chez &quot;Nous&quot; &amp; Co");
    expect(mail.html).toContain('href="https://seatline.test/book/abc?x=1&amp;y=2"');
    expect(mail.html).not.toContain("<b>");
    expect(mail.subject).toBe('Your table at Chez "Nous" & Co is booked');
  });
});
