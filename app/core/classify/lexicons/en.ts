import type { SpecialLexicon } from './types.ts';

export const en: SpecialLexicon = {
  language: 'en',
  firstPerson: ['i', "i'm", "i've", "i'd", "i'll", 'my', 'me', 'myself', 'mine', 'we', 'our'],
  thirdPerson: ['he', 'she', 'his', 'her', 'him', "he's", "she's"],
  questionCues: ['what is', 'what are', "what's", 'define', 'definition', 'explain', 'how does', 'how do', 'tell me about', 'history of', 'wikipedia', 'essay', 'article', 'statistics', 'in general', 'causes of', 'symptoms of'],
  terms: {
    health: [
      'diabet*', 'cancer', 'tumor*', 'tumour*', 'chemotherap*', 'hiv', '~aids', 'hiv-positive', 'depress*', 'anxiety', 'bipolar', 'schizophren*',
      'adhd', 'autis*', 'asthma', 'epilep*', 'pregnan*', 'miscarriage', 'abortion', 'dementia', 'alzheimer*', 'parkinson*', 'multiple sclerosis',
      'diagnosed', 'diagnosis', 'my therapist', 'antidepressant*', 'insulin', 'ptsd', 'eating disorder', 'anorexi*', 'bulimi*', 'suicid*', 'self-harm',
      'hepatitis', 'herpes', 'chlamydia', '~std', 'disabilit*', 'disabled', 'wheelchair', 'medication', 'prescription', 'rehab', 'addiction', 'alcoholi*', 'heart attack', 'heart condition', 'heart disease', 'stroke survivor', 'hospitalised', 'hospitalized', 'hospitalisation', 'hospitalization', 'in hospital', 'surgery', 'chemo', 'migraine*', 'hypertension', 'high blood pressure', 'arthritis', "crohn's", 'coeliac', 'celiac', 'mental health', 'panic attack*', 'ocd', 'burnout', 'sick leave', 'psychiatrist', 'infertil*', 'ivf', 'metformin', 'sertraline', 'fluoxetine', 'prozac', 'methadone', 'interferon', 'antiretroviral*', 'long covid', 'sclerosis'],
    religion: ['muslim', 'islam', 'christian*', 'catholic*', 'protestant*', 'jewish', 'jew', 'judaism', 'hindu*', 'buddhis*', 'sikh*', 'atheist*', 'agnostic', 'mormon*', "jehovah's witness*", 'evangelical', 'orthodox christian', 'ramadan', 'my church', 'my mosque', 'synagogue', 'my faith', 'my religion', 'muslims', 'jews', 'jehovah*', 'practising catholic', 'practicing catholic', 'quran', 'koran', 'hijab', 'kosher', 'shabbat', 'baptised', 'baptized', 'born-again', '~halal', '~pray'],
    sex_life: ['gay', 'lesbian*', 'bisexual*', 'homosexual*', 'heterosexual', 'queer', 'asexual', 'pansexual', 'transgender', 'trans woman', 'trans man', 'non-binary', 'coming out', 'came out', 'my boyfriend', 'my girlfriend', 'sex life', 'sexual orientation', 'erectile', 'kink*', 'polyamor*', 'lgbt*', 'same-sex', 'transsexual', '~trans', 'gender identity'],
    political: ['voted for', 'vote for', 'democrat', 'republican', '~labour', '~tory', 'conservative party', 'socialist*', 'communist*', 'libertarian*', 'anarchist*', 'left-wing', 'right-wing', 'far-right', 'far-left', 'maga', 'political views', 'political opinion*', 'party member', 'member of the party', 'activist', 'green party', 'labour party', 'labor party', 'liberal democrats', 'lib dem*', 'snp', 'ukip', 'reform uk', 'plaid cymru', 'democratic party', 'republican party', 'party branch', 'party membership', 'trump supporter', '~greens'],
    ethnic_origin: ['ethnicity', 'ethnic origin', 'race:', 'african american', 'black british', 'hispanic', 'latino', 'latina', 'asian american', '~roma', 'romani', 'indigenous', 'aboriginal', 'native american', 'biracial', 'mixed race', 'first nations', 'kurd*', 'romany', 'gypsy', 'traveller community', 'irish traveller', 'uyghur*', 'berber', 'amazigh', 'maori', 'ethnic minority', 'of african descent'],
    trade_union: ['trade union*', 'labor union', 'labour union', 'union member*', 'union rep', 'shop steward', 'teamsters', 'unionized', 'join the union', 'in the union'],
    genetic: ['genetic test*', 'dna test*', '23andme', 'ancestrydna', 'brca*', 'genome', 'genetic disorder', 'carrier of', 'huntington*', 'cystic fibrosis', 'genotype'],
    biometric: ['fingerprint*', 'face id', 'faceprint', 'facial recognition', 'iris scan*', 'retina scan*', 'voiceprint', 'biometric*', 'palm vein', 'face template'],
    criminal: ['arrested', 'convicted', 'conviction', 'criminal record', 'prison', 'jail', 'probation', 'parole', 'felony', 'misdemeanor', 'dui', 'dwi', 'charged with', 'sentenced', 'inmate', 'ex-con', 'sex offender', 'court case', 'plead guilty', 'pleaded guilty', 'criminal conviction', 'served time', 'suspended sentence', 'offender'],
  },
  children: {
    possessives: ['my', 'our'],
    kin: ['son', 'daughter', 'kid', 'kids', 'child', 'boy', 'girl', 'baby', 'toddler', 'teen', 'teenager', 'stepson', 'stepdaughter', 'grandson', 'granddaughter', 'nephew', 'niece'],
    selfAge: ["i'm", 'i am', 'im'],
    ageUnits: ['years', 'year', 'yrs', 'yo', 'y/o', 'years old', 'months'],
    notAge: ['experience', 'ago', 'in business', 'of work'],
  },
};
