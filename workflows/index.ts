// The worker's workflowsPath: every workflow is re-exported here, each from its own file.
// The first workflows (account validation, subscriptions, holds, orders, top-ups) come with the
// issues that build them.
export {};
