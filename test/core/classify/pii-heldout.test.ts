// Held-out sentences: written for these tests, in phrasings the rule examples do not use, to
// check that date-of-birth labels, lexicon inflections and the decoy guards generalise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openScratchDb, type Db } from '../../../app/core/db/open-db.ts';
import { checkRules } from '../../../app/core/classify/rules/pii-rule-check.ts';
import { piiRules } from '../../../app/core/classify/rules/pii-rules.ts';
import { specialRules } from '../../../app/core/classify/rules/special-rules.ts';
import { piiValidators } from '../../../app/core/classify/validators/pii-validators.ts';

let db: Db;
beforeAll(async () => {
  db = await openScratchDb();
});
afterAll(() => db.close());

const RULES = [...piiRules, ...specialRules];

async function hitsOf(texts: string[]) {
  return checkRules(db, RULES, piiValidators, texts);
}

describe('date of birth in eight languages', () => {
  const cases: Array<[string, string]> = [
    ['For the insurance quote: I was born on 7 October 1971 in Cork.', '7 October 1971'],
    ['Mein Sohn fragt, warum ich am 02.11.1968 geboren bin.', '02.11.1968'],
    ['Geb. am 14.06.1983, wohnhaft in Kassel', '14.06.1983'],
    ['Bonjour, je suis née le 23/09/1990 à Lyon et je voudrais savoir', '23/09/1990'],
    ['Hola, nací el 3 de marzo de 1987 en Valencia.', '3 de marzo de 1987'],
    ['Fecha de nacimiento: 1979-12-30', '1979-12-30'],
    ['Sono nata il 18/04/1996 a Bari, posso chiedere la pensione?', '18/04/1996'],
    ['Mijn vader is op 9 juli 1949 geboren in Zwolle.', '9 juli 1949'],
    ['Urodziłem się 5 maja 1982 w Łodzi.', '5 maja 1982'],
    ['Eu nasci em 12/01/1975 no Porto.', '12/01/1975'],
  ];
  let found: Awaited<ReturnType<typeof hitsOf>> = [];
  beforeAll(async () => {
    found = await hitsOf(cases.map(([text]) => text));
  });
  it.each(cases.map((c, i) => [...c, i] as const))('finds the birth date in %j', (_text, date, i) => {
    expect(found.filter((h) => h.textIndex === i && h.kind === 'date_of_birth').map((h) => h.value)).toEqual([date]);
  });

  it('finds no birth date in ordinary dates, future dates or the word birthday alone', async () => {
    const texts = [
      'The invoice was born out of a dispute on 2023-05-01.',
      'Rechnung vom 02.11.2023, bitte bis 30.11.2023 zahlen.',
      'Geboren wird das Projekt am 01.01.2099.',
      'Happy birthday! The party starts 18:00.',
      'nacimiento del proyecto: versión 2.3.1',
    ];
    const dob = (await hitsOf(texts)).filter((h) => h.kind === 'date_of_birth');
    expect(dob).toEqual([]);
  });
});

describe('special categories beyond the rule examples', () => {
  const disclosures: Array<[string, string]> = [
    ['My mum has been hospitalised since her heart attack on Monday.', 'health'],
    ['Ich habe Multiple Sklerose und arbeite nur noch Teilzeit.', 'health'],
    ['Je fais des migraines chroniques depuis mon AVC.', 'health'],
    ['Padezco esclerosis múltiple desde hace cinco años.', 'health'],
    ['Sono stata ricoverata per un infarto a marzo.', 'health'],
    ['Choruję na cukrzycę i nadciśnienie od lat.', 'health'],
    ['Mój brat jest świadkiem Jehowy i nie przyjmuje krwi.', 'religion'],
    ['Ich bin Katholikin, mein Mann ist Protestant.', 'religion'],
    ['Sou evangélica e frequento a igreja aos domingos.', 'religion'],
    ['Sono una donna trans e vorrei cambiare il nome sui documenti.', 'sex_life'],
    ['Je suis une femme trans et je cherche un médecin.', 'sex_life'],
    ['Ik ben een transvrouw en zoek een nieuwe huisarts.', 'sex_life'],
    ['I have been a Labour Party member for ten years.', 'political'],
    ['Sou filiado ao PSOL desde 2015.', 'political'],
    ['Mein Vater ist Kurde und wird auf dem Amt schlecht behandelt.', 'ethnic_origin'],
    ['Sono di origine marocchina e il padrone di casa mi ha rifiutato.', 'ethnic_origin'],
    ['Je suis d’origine algérienne et on me refuse des appartements.', 'ethnic_origin'],
    ['Jestem Romką i nie mogę znaleźć mieszkania.', 'ethnic_origin'],
  ];
  let found: Awaited<ReturnType<typeof hitsOf>> = [];
  beforeAll(async () => {
    found = await hitsOf(disclosures.map(([text]) => text));
  });
  it.each(disclosures.map((c, i) => [...c, i] as const))('reads %j as a %s disclosure', (_text, kind, i) => {
    const hits = found.filter((h) => h.textIndex === i && h.kind === kind);
    expect(hits.length).toBeGreaterThan(0);
    expect(Math.max(...hits.map((h) => h.confidence))).toBeGreaterThanOrEqual(0.5);
  });

  it('does not read ordinary sentences with look-alike words as disclosures', async () => {
    const texts = [
      'The hospitality sector is hiring again.',
      'Download the archive from the server and convert it to PDF.',
      'We moved the trans-atlantic cable report to Friday.',
      'Our origin server returned 502 again.',
      'The party starts at eight, bring snacks.',
      'Ich habe die Herkunft der Daten geprüft.',
      'Se me ha partido la pantalla del móvil.',
      'Prego, mi dica pure cosa le serve.',
      'Je suis parti tôt ce matin.',
      'Cancel the build if std::cout fails.',
      'My address is 14 Church Lane, please update it.',
      'Rua da Igreja 12, Lisboa: é a minha morada nova.',
    ];
    const hits = (await hitsOf(texts)).filter((h) => ['special', 'criminal'].includes(h.category) && h.confidence >= 0.5);
    expect(hits.map((h) => `${texts[h.textIndex]} -> ${h.kind}`)).toEqual([]);
  });
});

describe('names after a relation of the writer', () => {
  it('finds a full name after my friend / meine Kollegin / mi vecino, but not a product name', async () => {
    const texts = [
      'Please add my neighbour Thomas Becker to the guest list.',
      'Schick das bitte an meine Kollegin Laura Schmitt.',
      'Invita a mi vecino Javier Ortega a la cena.',
      'My friend Visual Studio keeps crashing, lol.',
    ];
    const names = (await hitsOf(texts)).filter((h) => h.kind === 'person_name');
    expect(names.map((h) => h.value).sort()).toEqual(['Javier Ortega', 'Laura Schmitt', 'Thomas Becker']);
  });
});

describe('decoys that must not become findings', () => {
  it('does not read build numbers as IP addresses or loopback addresses as personal data', async () => {
    const texts = ['agent version=4.2.0.11 deployed', 'upgraded runtime to 2.0.1.7', 'firmware: v3.1.4.1', 'connect to 127.0.0.1:5432', 'login from 81.2.69.160'];
    const ips = (await hitsOf(texts)).filter((h) => h.kind === 'ip');
    expect(ips.map((h) => h.value)).toEqual(['81.2.69.160']);
  });

  it('does not take the first twelve digits of a grouped 16-digit number as an Aadhaar number or a phone', async () => {
    const texts = ['test card 4716 2358 2262 8833 was declined', 'card 5425 9607 0021 8486 rejected'];
    const hits = await hitsOf(texts);
    expect(hits.map((h) => `${h.kind}:${h.value}`)).toEqual([]);
  });
});
