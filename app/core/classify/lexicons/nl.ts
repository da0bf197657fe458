import type { SpecialLexicon } from './types.ts';

export const nl: SpecialLexicon = {
  language: 'nl',
  firstPerson: ['ik', 'mijn', 'mij', 'me', 'ben', 'heb', 'wij', 'we', 'ons', 'onze'],
  thirdPerson: ['hij', 'zij', 'haar'],
  questionCues: ['wat is', 'wat zijn', 'leg uit', 'definitie', 'hoe werkt', 'geschiedenis', 'wikipedia', 'artikel', 'statistieken', 'in het algemeen'],
  terms: {
    health: ['diabet*', 'suikerziekte', 'kanker', 'tumor*', 'chemotherapie', 'hiv', 'hiv-positief', 'aids', 'depressie*', 'depressief', 'angststoornis', 'bipolair', 'schizofren*', 'adhd', 'autis*', 'astma', 'epilep*', 'zwanger', 'zwangerschap', 'miskraam', 'abortus', 'dementie', 'alzheimer', 'parkinson', 'gediagnosticeerd', 'diagnose', 'mijn therapeut', 'antidepressiva', 'insuline', 'anorexia', 'boulimia', 'zelfmoord*', 'suïcid*', 'gehandicapt', 'handicap', 'rolstoel', 'medicijnen', 'verslaving', 'verslaafd', 'alcoholist', 'ziek gemeld', 'hartaanval', 'hartinfarct', 'beroerte', 'herseninfarct', 'in het ziekenhuis', 'multiple sclerose', 'migraine', 'hoge bloeddruk', 'burn-out', 'burnout', 'psychiater', 'chemo', 'geopereerd', 'onvruchtbaar*', 'chronisch ziek', 'suikerpatiënt', 'sertraline', 'metformine', 'interferon'],
    religion: ['moslim*', 'islam', 'christen*', 'christelijk', 'katholiek*', 'protestant*', 'joods', 'jood', 'hindoe*', 'boeddhist*', 'atheïst*', 'jehova', 'ramadan', 'moskee', 'synagoge', 'mijn geloof', 'gelovig', 'moslima', 'katholieke', 'evangelisch*', 'jehova*', 'koran', 'hoofddoek', 'gedoopt', 'bekeerd'],
    sex_life: ['homo', 'homoseksueel', 'lesbisch*', 'lesbienne', 'biseksueel', 'queer', 'transgender', 'non-binair', 'uit de kast', 'seksleven', 'seksuele geaardheid', 'seksuele oriëntatie', 'transvrouw', 'transman', 'trans vrouw', 'trans man', '~trans', 'homoseksuele', 'biseksuele', 'genderidentiteit', 'uit de kast gekomen'],
    political: ['gestemd op', 'stem op', 'pvv', 'vvd', 'groenlinks', 'd66', 'partijlid', 'lid van de partij', 'politieke mening', 'politieke voorkeur', 'communist*', 'socialist*', 'cda', 'pvda', 'christenunie', '~bbb', '~nsc', 'partij voor de dieren', '~volt', 'partijlidmaatschap'],
    ethnic_origin: ['etnische afkomst', 'etniciteit', '~afkomst', 'migratieachtergrond', '~roma', 'sinti', 'koerd*', 'marokkaanse afkomst', 'turkse afkomst', 'surinaamse afkomst', 'antilliaans*', 'moluks*', 'woonwagenbewoner*', 'allochto*'],
    trade_union: ['vakbond*', 'fnv', 'cnv', 'vakbondslid'],
    genetic: ['genetische test', 'dna-test', 'genetisch*', 'erfelijke ziekte', 'brca*', 'genoom'],
    biometric: ['vingerafdruk*', 'gezichtsherkenning', 'biometrisch*'],
    criminal: ['gearresteerd', 'opgepakt', 'veroordeeld', 'strafblad', 'gevangenis', '~cel', 'voorwaardelijk', 'taakstraf', 'verdachte', 'vog', 'veroordeling', 'winkeldiefstal', '~aangehouden', 'celstraf', 'werkstraf', 'strafrechtelijk'],
  },
  children: {
    possessives: ['mijn', 'onze', 'ons'],
    kin: ['zoon', 'dochter', 'kind', 'kinderen', 'jongen', 'meisje', 'baby', 'kleinzoon', 'kleindochter'],
    selfAge: ['ik ben'],
    ageUnits: ['jaar', 'maanden'],
    notAge: ['ervaring', 'werkervaring'],
  },
};
