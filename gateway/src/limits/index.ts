export { limitOptions, type OperationLimits } from './apollo-options';
export { formatLimitError, LIMIT_CODE, OperationLimitError, type LimitKind } from './limit-error';
export { COST_MODEL, connectionCostEstimator, operationCost } from './cost';
export { withoutSuggestions } from './suggestions';
export { requestSignal, TIMEOUT_CODE, withRequestDeadline } from './request-deadline';
