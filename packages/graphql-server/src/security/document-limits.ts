import { textProblem } from '@paht/core';
import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';
import { queryLimitsRule } from './query-limits.js';
import { unsafeInputMessage } from './unsafe-input.js';

/** The limits every GraphQL document meets, over HTTP and over WebSocket alike. */
export interface DocumentLimits {
  maxDepth: number;
  maxCost: number;
  maxTokens: number;
  /** What each root field adds to the cost (`QueryLimits.rootFieldCost`). */
  rootFieldCost?: number;
}

/** A text literal of the document holding U+0000 (`"\u0000"` decodes to one), or a lone surrogate. */
function noNulLiteralsRule(context: ValidationContext): ASTVisitor {
  return {
    StringValue(node) {
      const reason = textProblem(node.value);
      if (!reason) return;
      context.reportError(new GraphQLError(unsafeInputMessage(reason), { nodes: [node], extensions: { reason } }));
    },
  };
}

/**
 * What a document must meet before it runs, as graphql-js options: its
 * size in tokens (`parseOptions`, refused unparsed), then its depth, cost
 * and text literals (`validationRules`, after the specified rules). Apollo
 * takes both for HTTP; the WebSocket server passes the same to `parse` and
 * `validate`, so no transport is looser than another.
 */
export function documentLimits(limits: DocumentLimits): {
  parseOptions: { maxTokens: number };
  validationRules: Array<(context: ValidationContext) => ASTVisitor>;
} {
  return {
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [queryLimitsRule({ maxDepth: limits.maxDepth, maxCost: limits.maxCost, rootFieldCost: limits.rootFieldCost }), noNulLiteralsRule],
  };
}
