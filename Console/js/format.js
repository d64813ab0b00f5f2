// Money, quantities and dates for people (docs/api.md §1 "money", "quantities", "time"). Money
// arrives as integer minor units and is formatted from its digits, never through floating point.

// ISO 4217 minor units that are not 2 (Sources/SalesCore/Currencies.swift has them all).
const DIGITS = { BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0,
  VUV: 0, XAF: 0, XOF: 0, XPF: 0, BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3, CLF: 4, UYW: 4 };

function minorDigits(currency) { return DIGITS[currency] ?? 2; }

const locale = undefined; // the reader's
const decimalSeparator = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? ".";
const grouping = new Intl.NumberFormat(locale);

/** An integer amount of minor units as its sign, whole digits and fraction digits. */
function digitsOf(amount, currency) {
  const digits = minorDigits(currency);
  const text = String(Math.abs(amount)).padStart(digits + 1, "0");
  return { negative: amount < 0, whole: text.slice(0, text.length - digits), fraction: text.slice(text.length - digits) };
}

/** 123456 USD → "USD 1,234.56"; −500 JPY → "−JPY 500". Exact for any integer. */
export function money(amount, currency) {
  if (amount === null || amount === undefined) return "—";
  const { negative, whole, fraction } = digitsOf(amount, currency);
  return `${negative ? "−" : ""}${currency} ${grouping.format(BigInt(whole))}${fraction ? decimalSeparator + fraction : ""}`;
}

/** 123456 USD → "1234.56": an amount as a person types it back (the edit forms). */
export function plainMoney(amount, currency) {
  const { negative, whole, fraction } = digitsOf(amount, currency);
  return `${negative ? "-" : ""}${whole}${fraction ? "." + fraction : ""}`;
}

/** Minor units from what a person typed ("12.50" → 1250 for USD); null when it is not an amount. */
export function parseMoney(text, currency) {
  const digits = minorDigits(currency);
  const match = String(text).trim().replace(/[ ,]/g, "").match(/^(\d+)(?:\.(\d*))?$/);
  if (!match || (match[2] || "").length > digits) return null;
  return Number(match[1] + (match[2] || "").padEnd(digits, "0"));
}

const quantities = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });

/** Up to three decimals, as the API keeps them. */
export function quantity(value) { return quantities.format(value); }

export function date(text) {
  if (!text) return "—";
  const value = new Date(text.length === 10 ? `${text}T00:00:00Z` : text);
  return text.length === 10 ? value.toLocaleDateString(locale, { timeZone: "UTC" }) : value.toLocaleString(locale);
}
