/**
 * Street words of the eight chat languages, as RE2/JS regex alternations (lower case; match them
 * case-insensitively). The address rules find addresses with them; the special-category check
 * uses them to tell a street named after a party or a people (`Via Verdi`, `Via Roma`) from a
 * disclosure.
 */
/** Words written before the street's name: `rue de la Paix`, `Via Roma`, `ul. Długa`. */
export const STREET_PREFIX = 'rue|avenue|boulevard|chemin|allée|impasse|place|calle|avenida|avda\\.?|paseo|plaza|via|viale|piazza|corso|largo|ul\\.|ulica|al\\.|aleja|rua|travessa|praça';
/**
 * Particles between a street word and the name, each followed by a space and repeated as needed
 * (`calle de la` is `de` then `la`): no particle spans two, so no text splits two ways (a
 * backtracking engine would try both).
 */
export const STREET_PARTICLES = 'de|del|des|du|di|della|dei|da|do|dos|das|la|le|les';
/** Endings of compound street names: `Hauptstraße`, `Kalverstraat`. */
export const STREET_COMPOUND = 'straße|strasse|str\\.|weg|allee|platz|gasse|damm|laan|straat|gracht|plein|kade|dijk';
