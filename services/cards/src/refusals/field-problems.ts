import { currentLanguage, type Language } from '@kyodo/subgraph-kit';
import type { GraphQLError } from 'graphql';
import type { FieldProblem } from '../domain/card-fields.js';
import { cardsRefusals } from './refusals.js';

/** Sentences one after another: Japanese ones end in 。 and need no space between them. */
export function joinSentences(sentences: string[], language: Language): string {
  return sentences.join(language === 'ja' ? '' : ' ');
}

/** C1: the refusal of a card's fields, or null when there is nothing to refuse. One problem is its own refusal; several are given together. */
export function fieldProblemsRefusal(problems: readonly FieldProblem[]): GraphQLError | null {
  const [first] = problems;
  if (!first) return null;
  if (problems.length === 1) return cardsRefusals.refuse(first.key, first.params, { field: first.field });
  const language = currentLanguage();
  const texts = problems.map((p) => cardsRefusals.message(p.key, language, p.params));
  return cardsRefusals.refuse('cardFieldsInvalid', { problems: joinSentences(texts, language) }, { field: first.field });
}
