import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Registration } from '@ecoo/shared/registrations/schemas';
import { LetterViewer } from './letter-viewer';

describe('LetterViewer', () => {
  it("shows the letter's name without the bidi controls that would make it read backwards (issue 13, fault 9)", () => {
    // Only what the viewer reads of a registration.
    const registration = {
      id: '0a8b6c4d-1e2f-4a3b-8c5d-6e7f8a9b0c01',
      name: 'Meera Nair',
      letter: { fileName: 'पत्र\u202Efdp.exe', contentType: 'application/pdf', sizeBytes: 48_213, sha256: 'a'.repeat(64) },
    } as Registration;
    render(<LetterViewer registration={registration} />);

    expect(screen.getByText(/^File /)).toHaveTextContent(/^File पत्रfdp\.exe, /);
  });
});
