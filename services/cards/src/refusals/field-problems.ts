import { currentLanguage, type Language, type RefusalOf } from '@kyodo/subgraph-kit';
import type { GraphQLError } from 'graphql';
import { cardsRefusals, type CardsRefusalKey } from './refusals.js';

/** Sentences one after another: Japanese ones end in 。 and need no space between them. */
export function joinSentences(sentences: string[], language: Language): string {
  return sentences.join(language === 'ja' ? '' : ' ');
}

/** C1: the refusal of a card's fields, or null when there is nothing to refuse. One problem is its own refusal; several are given together. */
export function fieldProblemsRefusal(problems: readonly RefusalOf<CardsRefusalKey>[]): GraphQLError | null {
  const [first] = problems;
  if (!first) return null;
  if (problems.length === 1) return cardsRefusals.refuseWith(first);
  const language = currentLanguage();
  const texts = problems.map((p) => cardsRefusals.messageOf(p, language));
  return cardsRefusals.refuseWith({ key: 'cardFieldsInvalid', params: { problems: joinSentences(texts, language) }, field: first.field });
}
