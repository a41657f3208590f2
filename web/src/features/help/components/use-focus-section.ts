import { useEffect } from 'react';
import { useLocation } from 'react-router';

/**
 * Moves focus to the section the address names (/help/administrator#stamps), after the page's
 * heading has taken it, so a keyboard or screen reader user arrives at the answer, not the top
 * (WCAG 2.4.3). Runs again when the same link is followed twice (a new location key).
 */
export function useFocusSection(): void {
  const { hash, key } = useLocation();
  useEffect(() => {
    if (hash.length < 2) return;
    document.getElementById(decodeURIComponent(hash.slice(1)))?.focus();
  }, [hash, key]);
}
