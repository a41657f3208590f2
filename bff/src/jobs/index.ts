export { claimJob, databaseTime, deleteFinishedJobs, enqueueJob, jobId, renewLease, settleJob, type ClaimedJob, type JobKind } from './queue.ts';
export { JobRunner, newHolderName, type JobHandler, type JobResult, type JobRunnerOptions } from './runner.ts';
