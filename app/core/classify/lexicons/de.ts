import type { SpecialLexicon } from './types.ts';

export const de: SpecialLexicon = {
  language: 'de',
  firstPerson: ['ich', 'mein', 'meine', 'meinen', 'meinem', 'meiner', 'mir', 'mich', 'bin', 'habe', 'wähle', 'wir', 'unser', 'unsere'],
  thirdPerson: ['er', 'sie', 'seine', 'ihre'],
  questionCues: ['was ist', 'was sind', 'erkläre', 'erklär', 'definition', 'wie funktioniert', 'geschichte', 'wikipedia', 'aufsatz', 'artikel', 'statistik', 'allgemein'],
  terms: {
    health: ['diabet*', 'krebs', 'tumor*', 'chemotherapie', 'hiv', 'hiv-positiv', 'aids', 'depression*', 'depressiv*', 'angststörung*', 'bipolar*', 'schizophren*', 'adhs', 'autis*', 'asthma', 'epilep*', 'schwanger*', 'fehlgeburt', 'abtreibung', 'demenz', 'alzheimer', 'parkinson', 'diagnose', 'diagnostiziert', 'therapeut*', 'antidepressiva', 'insulin', 'essstörung', 'magersucht', 'suizid*', 'selbstmord*', 'behinderung', 'behindert', 'rollstuhl', 'medikament*', 'sucht', 'alkoholiker*', 'krankschreibung', 'krankgeschrieben', 'herzinfarkt', 'schlaganfall', 'multiple sklerose', 'migräne', 'bluthochdruck', 'burnout', 'panikattacke*', 'zwangsstörung', 'psychiater*', 'psychotherap*', 'chemo', 'unfruchtbar*', 'krebserkrankung', 'tumorerkrankung', 'sertralin', 'metformin', 'interferon', 'antidepressivum', 'zuckerkrank*'],
    religion: ['muslim*', 'islam', '~christ', 'christin', 'katholisch*', 'evangelisch*', 'jüdisch*', 'jude', 'jüdin', 'hindu*', 'buddhist*', 'atheist*', 'zeugen jehovas', 'ramadan', 'moschee', 'synagoge', 'mein glaube', 'meine religion', 'kirchenaustritt', 'katholik*', 'protestant*', 'evangelikal*', 'christlich*', 'christen', 'muslimisch*', 'jehova*', 'kopftuch', '~gläubig*', '~getauft', 'koran'],
    sex_life: ['schwul*', 'lesbisch*', 'bisexuell*', 'homosexuell*', 'queer', 'transgender', 'transsexuell*', 'nichtbinär', 'non-binär', 'coming-out', 'mein freund und ich', 'sexleben', 'sexuelle orientierung', 'erektionsstörung*', 'transmann', 'transfrau', '~trans', 'geschlechtsidentität'],
    political: ['gewählt', 'wähle', 'afd', 'spd', 'cdu', 'csu', 'fdp', 'die grünen', 'die linke', 'parteimitglied', 'politische meinung', 'politische einstellung', 'linksradikal*', 'rechtsradikal*', 'kommunist*', 'sozialist*', 'bündnis 90', 'linkspartei', '~bsw', 'mitglied der partei', 'parteibuch', '~partei'],
    ethnic_origin: ['ethnische herkunft', 'ethnie', 'migrationshintergrund', 'sinti', '~roma', 'afrodeutsch*', 'hautfarbe', 'kurd*', 'jeside*', 'jesidin', 'tamile', 'tamilin', 'türkischstämmig*', 'schwarze deutsche', 'meine herkunft', 'meiner herkunft'],
    trade_union: ['gewerkschaft*', '~verdi', 'ig metall', 'betriebsrat', 'gewerkschaftsmitglied*'],
    genetic: ['gentest*', 'dna-test*', 'genetisch*', 'erbkrankheit*', 'brca*', 'genom'],
    biometric: ['fingerabdr*', 'gesichtserkennung', 'iris-scan', 'biometrisch*', 'stimmabdruck'],
    criminal: ['verhaftet', 'festgenommen', 'vorbestraft', 'verurteilt', 'vorstrafe*', 'gefängnis', 'haftstrafe', 'bewährung', 'führungszeugnis', 'angeklagt', 'strafverfahren', 'knast', 'verurteilung', 'geldstrafe', 'straftat*', 'ladendiebstahl'],
  },
  children: {
    possessives: ['mein', 'meine', 'meinen', 'meinem', 'meiner', 'unser', 'unsere', 'unseren'],
    kin: ['sohn', 'tochter', 'kind', 'kinder', 'junge', 'mädchen', 'baby', 'enkel', 'enkelin', 'stiefsohn', 'stieftochter'],
    selfAge: ['ich bin'],
    ageUnits: ['jahre', 'jahr', 'monate'],
    notAge: ['erfahrung', 'berufserfahrung', 'im beruf'],
  },
};
