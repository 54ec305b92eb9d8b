/**
 * The filter language: `state = hangup AND target.name ~ /smith/i`. Pure TypeScript without Node
 * imports: the renderer runs the same parser and evaluator on live events that the store
 * compiles to SQL for history.
 */
export type { FieldRef, FilterError, FilterExpression, Literal, ParseResult } from './ast';
export { parseFilterExpression } from './parser';
export { evaluate } from './evaluate';
export { eventMatcher, type EventMatcher } from './event-filter';
export { expressionToSql, SQL_FUNCTIONS, type ExpressionSql } from './to-sql';
export { parseField, readField, readPath, EVENT_FIELDS } from './fields';
export { FILTER_HELP, type FilterHelpEntry } from './help';
export { MAX_EXPRESSION_LENGTH } from './limits';
