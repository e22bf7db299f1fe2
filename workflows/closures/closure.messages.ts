// How pages name a closure's workflow.
export const closureWorkflowId = (closureId: number) => `closure-${closureId}`;
