/**
 * Reading numbers the way the negotiator typed them: with the locale's group
 * and decimal separators ("1,200.5" in en-US, "1.200,5" in de-DE, "1 200,5" in
 * fr-FR), an optional % for rates, and plain ASCII digits as a fallback.
 * Values go through a decimal exponent rather than floating multiplication so
 * "7.5%" is exactly 0.075, as if 0.075 had been typed.
 */

export interface LocaleSeparators {
  group: string;
  decimal: string;
}

export function localeSeparators(locale?: string): LocaleSeparators {
  const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}

export type ParsedNumber = { ok: true; value: number } | { ok: false; message: string };

/** Shifts a decimal string by `exp` powers of ten without floating-point error. */
function decimalToNumber(digits: string, exp: number): number {
  return Number(`${digits}e${exp}`);
}

/**
 * Parses `text` as a number in `locale`. With `percent`, the text is read as a
 * percentage ("7.5" or "7.5%" -> 0.075); without it, a trailing % still divides by 100.
 */
export function parseLocaleNumber(text: string, options: { locale?: string; percent?: boolean } = {}): ParsedNumber {
  let s = text.trim().replace(/[\u2212\u2012\u2013]/g, '-');
  if (s === '') return { ok: false, message: 'Enter a number.' };
  let percent = options.percent ?? false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  const { group, decimal } = localeSeparators(options.locale);
  // Spaces of every kind are group separators in some locales (fr-FR uses a narrow no-break space).
  s = s.replace(/[\s\u00a0\u202f]/g, '');
  if (group.trim() !== '') s = s.split(group).join('');
  if (decimal !== '.') {
    if (s.includes(decimal)) s = s.replace(decimal, '.');
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return { ok: false, message: `"${text.trim()}" is not a number.` };
  const value = percent ? decimalToNumber(s.replace(/e.*$/i, ''), -2 + Number(/e([-+]?\d+)$/i.exec(s)?.[1] ?? 0)) : Number(s);
  if (!Number.isFinite(value)) return { ok: false, message: `"${text.trim()}" is too large.` };
  return { ok: true, value };
}

/** A number as an editable string in `locale`, without grouping (so it re-parses cleanly) and without float noise. */
export function formatEditableNumber(value: number, options: { locale?: string; percent?: boolean } = {}): string {
  const shown = options.percent ? (/e/i.test(String(value)) ? value * 100 : Number(`${value}e2`)) : value;
  const clean = Number(shown.toPrecision(12));
  const { decimal } = localeSeparators(options.locale);
  const text = String(clean);
  return decimal === '.' ? text : text.replace('.', decimal);
}
