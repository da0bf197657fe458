/**
 * The personal-data and special-category validators by name, as rules refer to them.
 * Every validator sees `before`/`after` relative to the value itself (not to the whole regex
 * match, which may include a label or a boundary character), so glue and context checks
 * look at the characters that really touch the identifier.
 */
import type { ValidationContext, Validator } from '../rule-types.ts';
import { email, phone } from './pii-contact.ts';
import { dateOfBirth } from './pii-demographic.ts';
import { iban, paymentCard } from './pii-financial.ts';
import {
  aadhaarIn,
  bsnNl,
  codiceFiscaleIt,
  cpfBr,
  dniEs,
  ninoUk,
  nieEs,
  nirFr,
  nricSg,
  peselPl,
  residentIdCn,
  ssnUs,
  taxIdDe,
} from './pii-national-ids.ts';
import { advertisingId, deviceId, geolocation, ipAddress } from './pii-network.ts';
import { personName, postalAddress, relatedPersonName } from './pii-person.ts';
import { childAge, specialValidators } from './pii-special-context.ts';

/** Re-anchors the context on the value inside the match (the scanner's contract says "around the match"). */
export function valueContext(value: string, ctx: ValidationContext): ValidationContext {
  const { match } = ctx;
  let start = match.endsWith(value) ? match.length - value.length : match.indexOf(value);
  if (start < 0) start = 0;
  const end = Math.min(match.length, start + value.length);
  const prefix = match.slice(0, start);
  const suffix = match.slice(end);
  // The scanner may already hand over value-relative context; then the match parts are in it.
  return {
    match,
    before: ctx.before.endsWith(prefix) ? ctx.before : ctx.before + prefix,
    after: ctx.after.startsWith(suffix) ? ctx.after : suffix + ctx.after,
  };
}

function anchored(validator: Validator): Validator {
  const wrapped: Validator = (value, ctx) => validator(value, valueContext(value, ctx));
  if (validator.prime) wrapped.prime = validator.prime;
  // SQL verdicts settle only candidates whose match is their value: re-anchoring changes nothing.
  if (validator.sql) wrapped.sql = validator.sql;
  return wrapped;
}

const byName: Record<string, Validator> = {
  'pii.email': email,
  'pii.phone': phone,
  'pii.iban': iban,
  'pii.payment-card': paymentCard,
  'pii.ssn-us': ssnUs,
  'pii.nino-uk': ninoUk,
  'pii.tax-id-de': taxIdDe,
  'pii.nir-fr': nirFr,
  'pii.codice-fiscale-it': codiceFiscaleIt,
  'pii.dni-es': dniEs,
  'pii.nie-es': nieEs,
  'pii.bsn-nl': bsnNl,
  'pii.pesel-pl': peselPl,
  'pii.cpf-br': cpfBr,
  'pii.aadhaar-in': aadhaarIn,
  'pii.resident-id-cn': residentIdCn,
  'pii.nric-sg': nricSg,
  'pii.ip': ipAddress,
  'pii.date-of-birth': dateOfBirth,
  'pii.person-name': personName,
  'pii.person-name.relation': relatedPersonName,
  'pii.postal-address': postalAddress,
  'pii.advertising-id': advertisingId,
  'pii.device-id': deviceId,
  'pii.geolocation': geolocation,
  ...specialValidators,
  'special.child-age': childAge,
};

export const piiValidators: Record<string, Validator> = Object.fromEntries(
  Object.entries(byName).map(([name, v]) => [name, anchored(v)]),
);
