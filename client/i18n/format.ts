/**
 * Fills a message's slots: `{n}` takes a value, and `{n|company|companies}` takes the word's form for
 * that number by the language's plural rules (so English never reads "2 company(ies)").
 */

/** A message with its values in, in a language (`zh` or `en`). */
export function formatMessage(template: string, vars: Record<string, string | number>, lang: 'zh' | 'en'): string {
  const rules = new Intl.PluralRules(lang === 'en' ? 'en' : 'zh');
  return template
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (_, name: string, one: string, other: string) =>
      (rules.select(Number(vars[name])) === 'one' ? one : other))
    .replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}
