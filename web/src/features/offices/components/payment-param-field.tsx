import { useRef, useState } from 'react';
import { applyFixes, findOffendingChars, type OffendingChar } from '@ecoo/shared/text/invisible-chars';
import { offenceInWords } from '@ecoo/shared/text/offence-words';
import { t } from '../../../lib/i18n';
import { Button } from '../../../components/ui/button';
import { Field, controlAria, type FieldProps } from '../../../components/ui/field';

interface PaymentParamFieldProps extends FieldProps {
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  /** isMerchantIdChar or isChecksumKeyChar from the shared payment-params rules. */
  isAllowed: (char: string) => boolean;
  /** A note under the hint, such as the stored key's fingerprint, read with the field. */
  note?: string;
}

/** The value character by character, each offending one shown as its code point, since invisible ones cannot be seen. */
function MarkedValue({ value, offences }: { value: string; offences: readonly OffendingChar[] }) {
  const byPosition = new Map(offences.map((offence) => [offence.position, offence]));
  return (
    <span className="char-view">
      {[...value].map((char, index) => {
        const offence = byPosition.get(index + 1);
        return offence ? (
          <mark key={index} className="char-view__bad">
            {offence.codePoint}
          </mark>
        ) : (
          <span key={index} className="char-view__char">
            {char}
          </span>
        );
      })}
    </span>
  );
}

/**
 * A Merchant ID or Checksum key input that names each stray character as it is typed or pasted
 * (Trade Notice 23/2024-25 §3.I.iii). It never trims: "Fix" proposes the cleaned value, and only
 * "Apply fix" puts it in the field; the other choice is to correct it by hand, since the value as
 * typed can never be saved.
 */
export function PaymentParamField({ id, label, hint, error, isRequired, value, onChange, onBlur, isAllowed, note }: PaymentParamFieldProps) {
  const [proposal, setProposal] = useState<{ from: string; to: string } | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const applyRef = useRef<HTMLButtonElement>(null);
  const offences = findOffendingChars(value, isAllowed);
  const fixed = applyFixes(value, offences);
  const offencesId = `${id}-offences`;
  const noteId = note ? `${id}-note` : undefined;
  const isProposed = proposal !== null && proposal.from === value;

  function propose() {
    setProposal({ from: value, to: fixed });
    // The choice to confirm appears below; take the keyboard there.
    requestAnimationFrame(() => applyRef.current?.focus());
  }

  /** Closes the proposal and takes the keyboard back to the value, which still has to be corrected. */
  function correctByHand() {
    setProposal(null);
    inputRef.current?.focus();
  }

  function apply() {
    if (!proposal) return;
    onChange(proposal.to);
    setProposal(null);
    inputRef.current?.focus();
  }

  return (
    <Field id={id} label={label} hint={hint} error={error} isRequired={isRequired}>
      {note && (
        <p className="field__note" id={noteId}>
          {note}
        </p>
      )}
      <input
        ref={inputRef}
        id={id}
        name={id}
        className="field__input field__input--code"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="off"
        {...controlAria({ id, hint, error, isRequired }, { extraIds: [noteId, offences.length > 0 && offencesId], isInvalid: offences.length > 0 })}
      />
      {offences.length > 0 && (
        <div className="offences" id={offencesId}>
          <p className="offences__title">{t('offices.offences.title', { field: label, count: offences.length })}</p>
          <ul className="offences__list">
            {offences.map((offence) => (
              <li key={offence.position}>
                {offence.replacement === null ? t('offices.offences.removeByHand', { offence: offenceInWords(offence, t) }) : offenceInWords(offence, t)}
              </li>
            ))}
          </ul>
          <p className="offences__rendering">
            <span className="offences__rendering-label">{t('offices.offences.rendering')}</span>{' '}
            {/* Spoken as the list above; character by character it would only be noise. */}
            <span aria-hidden="true">
              <MarkedValue value={value} offences={offences} />
            </span>
          </p>
        </div>
      )}
      {offences.length > 0 && fixed !== value && !isProposed && (
        <Button variant="secondary" className="button--small" onClick={propose}>
          <span aria-hidden="true">{t('offices.fix')}</span>
          <span className="visually-hidden">{t('offices.fix.name', { field: label })}</span>
        </Button>
      )}
      <div aria-live="polite">
        {isProposed && (
          <div className="fix-proposal">
            <p>{proposal.to === '' ? t('offices.fix.proposalEmpty') : t('offices.fix.proposal', { value: proposal.to })}</p>
            <div className="form__actions">
              <button ref={applyRef} type="button" className="button button--primary button--small" onClick={apply}>
                <span aria-hidden="true">{t('offices.fix.apply')}</span>
                <span className="visually-hidden">{t('offices.fix.applyName', { field: label })}</span>
              </button>
              {/* Never "keep as typed": the value as typed holds the characters named above, and the schema refuses it. */}
              <Button variant="secondary" className="button--small" onClick={correctByHand}>
                <span aria-hidden="true">{t('offices.fix.byHand')}</span>
                <span className="visually-hidden">{t('offices.fix.byHandName', { field: label })}</span>
              </Button>
            </div>
          </div>
        )}
      </div>
    </Field>
  );
}
