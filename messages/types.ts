import type { createTranslator, MessageKeys, NamespaceKeys, NestedKeyOf } from 'next-intl';
import type messages from './en';

/** The English catalog is the reference: the other locales have the same keys. */
export type Catalog = typeof messages;

/** Every message of the catalog by its full dotted path ("errors.notFound"): what `t()` of the root accepts. */
export type MessageKey = MessageKeys<Catalog, NestedKeyOf<Catalog>>;

/** A section of the catalog ("goal", "goal.target"), as useTranslations and getTranslations take it. */
export type Namespace = NamespaceKeys<Catalog, NestedKeyOf<Catalog>>;

/** The translator useTranslations(namespace) or getTranslations(namespace) gives, to hand to a helper. */
export type Translator<N extends Namespace = never> = ReturnType<typeof createTranslator<Catalog, N>>;

// Types every translator (useTranslations, getTranslations, createTranslator) with the catalog's keys.
declare module 'next-intl' {
  interface AppConfig {
    Messages: Catalog;
  }
}
