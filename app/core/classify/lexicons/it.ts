import type { SpecialLexicon } from './types.ts';

export const it: SpecialLexicon = {
  language: 'it',
  firstPerson: ['io', 'sono', 'ho', 'mio', 'mia', 'miei', 'mie', 'il mio', 'la mia', 'mi', 'soffro', 'noi', 'nostro', 'nostra'],
  thirdPerson: ['lui', 'lei', 'suo', 'sua'],
  questionCues: ["cos'è", 'cosa è', 'che cos', 'spiega', 'definizione', 'come funziona', 'storia', 'wikipedia', 'articolo', 'statistiche', 'in generale'],
  terms: {
    health: ['diabet*', 'cancro', 'tumore', 'tumori', 'chemioterapia', 'hiv', 'aids', 'sieropositiv*', 'depressione', 'depress*', 'ansia', 'bipolare', 'schizofreni*', 'adhd', 'autis*', 'asma', 'epiless*', 'incinta', 'gravidanza', 'aborto', 'demenza', 'alzheimer', 'parkinson', 'diagnosticat*', 'diagnosi', 'il mio psicologo', 'antidepressiv*', 'insulina', 'anoressi*', 'bulimi*', 'suicid*', 'disabilità', 'disabile', 'sedia a rotelle', 'farmaci', 'dipendenza', 'alcolista', 'infarto', 'ictus', 'ricoverat*', 'in ospedale', 'sclerosi multipla', 'emicrania', 'ipertensione', 'diabetic*', 'psichiatra', 'chemio', 'infertilità', 'malattia cronica', 'sertralina', 'metformina', 'interferone', 'tumor*'],
    religion: ['musulman*', 'islam', 'cristian*', 'cattolic*', 'protestante*', 'ebreo', 'ebrea', 'ebraismo', 'induista', 'buddista*', 'ateo', 'atea', 'testimone di geova', 'testimoni di geova', 'ramadan', 'moschea', 'sinagoga', 'la mia fede', 'la mia religione', 'evangelic*', 'geova', 'corano', 'battezzat*', 'valdese', 'musulmana', 'musulmani'],
    sex_life: ['gay', 'lesbica', 'lesbiche', 'bisessual*', 'omosessual*', 'queer', 'transgender', 'non binari*', 'coming out', 'il mio ragazzo', 'la mia ragazza', 'vita sessuale', 'orientamento sessuale', 'donna trans', 'uomo trans', 'ragazza trans', 'persona trans', '~trans', 'transessual*', 'lesbic*', 'identità di genere', 'unione civile'],
    political: ['ho votato', 'voto per', 'fratelli d’italia', "fratelli d'italia", 'lega nord', 'partito democratico', 'movimento 5 stelle', 'iscritto al partito', 'iscritta al partito', 'militante', 'opinione politica', 'idee politiche', 'comunista', 'fascista', 'socialista', 'forza italia', '~pd', 'm5s', '~verdi', 'sinistra italiana', 'tesserat*', 'tessera del partito', 'sezione del partito'],
    ethnic_origin: ['origine etnica', 'etnia', 'rom', 'sinti', 'indigen*', 'afrodiscendent*', 'curdo', 'curda', 'curdi', 'curde', 'sono di origine', 'è di origine', 'sono originari*'],
    trade_union: ['sindacat*', 'iscritto al sindacato', 'iscritta al sindacato', 'cgil', 'cisl', 'uil', 'rappresentante sindacale'],
    genetic: ['test genetico', 'test genetici', 'test del dna', 'genetic*', 'malattia ereditaria', 'brca*', 'genoma'],
    biometric: ['impronta digitale', 'impronte digitali', 'riconoscimento facciale', 'biometric*'],
    criminal: ['arrestat*', 'condannat*', 'fedina penale', 'casellario giudiziale', 'carcere', 'prigione', 'libertà vigilata', 'indagat*', 'imputat*', 'reato', 'precedenti penali', 'condanna', 'denunciat*', 'processo penale', 'domiciliari'],
  },
  children: {
    possessives: ['mio', 'mia', 'miei', 'mie', 'il mio', 'la mia', 'nostro', 'nostra'],
    kin: ['figlio', 'figlia', 'figli', 'bambino', 'bambina', 'neonato', 'nipote'],
    selfAge: ['ho'],
    ageUnits: ['anni', 'anno', 'mesi'],
    notAge: ['di esperienza', 'di lavoro', 'di carriera'],
  },
};
