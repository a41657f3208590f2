// How the bench writes its figures, the same in every section.

export const whole = (value: number) => Math.round(value).toLocaleString('en-GB');
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (bytes: number) => `${whole(bytes / 1024 / 1024)} MB`;

/** The value below which `share` of the values lie (nearest rank); 0 for none. */
export const percentile = (values: number[], share: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * share))] ?? 0;
