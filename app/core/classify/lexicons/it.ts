import type { SpecialLexicon } from './types.ts';

export const it: SpecialLexicon = {
  language: 'it',
  firstPerson: ['io', 'sono', 'ho', 'mio', 'mia', 'miei', 'mie', 'il mio', 'la mia', 'mi', 'soffro', 'noi', 'nostro', 'nostra'],
  thirdPerson: ['lui', 'lei', 'suo', 'sua'],
  questionCues: ["cos'è", 'cosa è', 'che cos', 'spiega', 'definizione', 'come funziona', 'storia', 'wikipedia', 'articolo', 'statistiche', 'in generale'],
  terms: {
    health: ['diabet*', 'cancro', 'tumore', 'tumori', 'chemioterapia', 'hiv', 'aids', 'sieropositiv*', 'depressione', 'depress*', 'ansia', 'bipolare', 'schizofreni*', 'adhd', 'autis*', 'asma', 'epiless*', 'incinta', 'gravidanza', 'aborto', 'demenza', 'alzheimer', 'parkinson', 'diagnosticat*', 'diagnosi', 'il mio psicologo', 'antidepressiv*', 'insulina', 'anoressi*', 'bulimi*', 'suicid*', 'disabilità', 'disabile', 'sedia a rotelle', 'farmaci', 'dipendenza', 'alcolista'],
    religion: ['musulman*', 'islam', 'cristian*', 'cattolic*', 'protestante*', 'ebreo', 'ebrea', 'ebraismo', 'induista', 'buddista*', 'ateo', 'atea', 'testimone di geova', 'testimoni di geova', 'ramadan', 'moschea', 'sinagoga', 'la mia fede', 'la mia religione'],
    sex_life: ['gay', 'lesbica', 'lesbiche', 'bisessual*', 'omosessual*', 'queer', 'transgender', 'non binari*', 'coming out', 'il mio ragazzo', 'la mia ragazza', 'vita sessuale', 'orientamento sessuale'],
    political: ['ho votato', 'voto per', 'fratelli d’italia', "fratelli d'italia", 'lega nord', 'partito democratico', 'movimento 5 stelle', 'iscritto al partito', 'iscritta al partito', 'militante', 'opinione politica', 'idee politiche', 'comunista', 'fascista', 'socialista'],
    ethnic_origin: ['origine etnica', 'etnia', 'rom', 'sinti', 'indigen*', 'afrodiscendent*'],
    trade_union: ['sindacat*', 'iscritto al sindacato', 'iscritta al sindacato', 'cgil', 'cisl', 'uil', 'rappresentante sindacale'],
    genetic: ['test genetico', 'test genetici', 'test del dna', 'genetic*', 'malattia ereditaria', 'brca*', 'genoma'],
    biometric: ['impronta digitale', 'impronte digitali', 'riconoscimento facciale', 'biometric*'],
    criminal: ['arrestat*', 'condannat*', 'fedina penale', 'casellario giudiziale', 'carcere', 'prigione', 'libertà vigilata', 'indagat*', 'imputat*', 'reato', 'precedenti penali'],
  },
  children: {
    possessives: ['mio', 'mia', 'miei', 'mie', 'il mio', 'la mia', 'nostro', 'nostra'],
    kin: ['figlio', 'figlia', 'figli', 'bambino', 'bambina', 'neonato', 'nipote'],
    selfAge: ['ho'],
    ageUnits: ['anni', 'anno', 'mesi'],
    notAge: ['di esperienza', 'di lavoro', 'di carriera'],
  },
};
