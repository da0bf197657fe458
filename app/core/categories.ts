/**
 * GDPR Art. 9(1) special categories of personal data, as the classifier names them (the `kind`
 * of a `special` finding) and as the assessment counts them. One list for both.
 */
export const ART9_CATEGORIES = ['health', 'religion', 'sex_life', 'political', 'ethnic_origin', 'trade_union', 'genetic', 'biometric'] as const;
export type Art9Category = (typeof ART9_CATEGORIES)[number];
