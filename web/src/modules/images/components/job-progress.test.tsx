import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BackgroundJobSchema } from '@ecoo/shared/images/schemas';
import { JobProgress } from './job-progress';

const queuedJob = (fileName: string) =>
  BackgroundJobSchema.parse({
    id: '5a7c9e11-3b5d-4f70-8a92-b4c6d8e0f123',
    uploadId: '7e9a1c33-5d7f-4a91-8b24-d6e8f0a2c456',
    purpose: 'office-stamp',
    subjectId: '3c9b0a52-8f1e-4d7a-9b6c-2e5f8a1d4c70',
    fileName,
    useModel: 'auto',
    state: 'queued',
    step: null,
    jobsAhead: 0,
    failureReason: null,
    queuedAt: '2026-11-20T06:00:00.000Z',
    startedAt: null,
    finishedAt: null,
    chosenMethod: null,
    candidates: [],
    acceptedVersionId: null,
  });

describe('JobProgress', () => {
  it("shows the picture's name without the bidi controls that would make it read backwards (issue 13, fault 9)", () => {
    render(<JobProgress job={queuedJob('मुहर-\u202Egnp.exe\u2066\u2069')} />);

    expect(screen.getByText(/^Picture: /)).toHaveTextContent(/^Picture: मुहर-gnp\.exe$/);
  });
});
