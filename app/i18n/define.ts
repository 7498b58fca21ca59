/**
 * One feature's messages in both languages. The type forces English to have exactly the
 * Indonesian keys, so a missing translation is a type error, not a blank on screen.
 */
export function defineMessages<K extends string>(messages: { id: Record<K, string>; en: NoInfer<Record<K, string>> }) {
  return messages;
}
