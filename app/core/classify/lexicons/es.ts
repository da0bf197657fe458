import type { SpecialLexicon } from './types.ts';

export const es: SpecialLexicon = {
  language: 'es',
  firstPerson: ['yo', 'soy', 'estoy', 'tengo', 'mi', 'mis', 'me', 'padezco', 'sufro', 'voté', 'fui', 'estuve', 'nosotros', 'nuestro', 'nuestra'],
  thirdPerson: ['él', 'ella', 'su', 'sus'],
  questionCues: ['qué es', 'que es', 'qué son', 'explica', 'definición', 'cómo funciona', 'historia', 'wikipedia', 'artículo', 'estadísticas', 'en general'],
  terms: {
    health: ['diabet*', 'cáncer', 'cancer', 'tumor*', 'quimioterapia', 'vih', 'sida', 'seropositiv*', 'depresión', 'depresi*', 'ansiedad', 'bipolar', 'esquizofreni*', 'tdah', 'autis*', 'asma', 'epilep*', 'embarazada', 'embarazo', 'aborto', 'demencia', 'alzheimer', 'parkinson', 'diagnosticad*', 'diagnóstico', 'mi terapeuta', 'mi psicólogo', 'antidepresivo*', 'insulina', 'anorexi*', 'bulimi*', 'suicid*', 'discapacidad', 'silla de ruedas', 'medicación', 'adicción', 'alcohólic*', 'baja médica', 'infarto', 'ictus', 'hospitalizad*', 'en el hospital', 'esclerosis múltiple', 'migraña*', 'hipertensión', 'diabétic*', 'psiquiatra', 'quimio', 'infertilidad', 'enfermedad crónica', 'enfermo', 'enferma', 'sertralina', 'metformina', 'interferón', 'padezco'],
    religion: ['musulmán', 'musulmana', 'musulmanes', 'islam', 'cristian*', 'católic*', 'protestante*', 'judío', 'judía', 'judaísmo', 'hindú', 'budista*', 'ateo', 'atea', 'testigo de jehová', 'testigos de jehová', 'ramadán', 'mezquita', 'sinagoga', 'mi fe', 'mi religión', 'musulmanas', 'evangélic*', 'jehová', 'corán', 'bautizad*', '~misa', '~rezo'],
    sex_life: ['gay', 'lesbiana*', 'bisexual*', 'homosexual*', 'queer', 'transgénero', 'no binari*', 'salí del armario', 'mi novio', 'mi novia', 'vida sexual', 'orientación sexual', 'mujer trans', 'hombre trans', 'chica trans', 'chico trans', 'persona trans', '~trans', 'transexual*', 'identidad de género', 'salir del armario'],
    political: ['voté a', 'voto a', 'voté por', 'vox', '~podemos', 'psoe', 'partido popular', 'afiliado al partido', 'afiliada al partido', 'militante*', 'opinión política', 'ideología política', 'comunista*', 'socialista*', 'independentista*', '~ciudadanos', '~esquerra', '~bildu', '~junts', 'militancia'],
    ethnic_origin: ['origen étnico', 'etnia', 'gitano', 'gitana', 'indígena*', 'afrodescendiente*', 'mestiz*', 'kurd*', 'gitanos', 'gitanas', 'soy de origen', 'es de origen'],
    trade_union: ['sindicato*', 'sindicalista*', 'afiliado al sindicato', 'afiliada al sindicato', 'ccoo', 'ugt', 'delegado sindical'],
    genetic: ['prueba genética', 'test genético', 'prueba de adn', 'genétic*', 'enfermedad hereditaria', 'brca*', 'genoma'],
    biometric: ['huella dactilar', 'huellas dactilares', 'reconocimiento facial', 'biométric*'],
    criminal: ['detenido', 'detenida', 'arrestad*', 'condenad*', 'antecedentes penales', 'cárcel', 'prisión', 'libertad condicional', 'imputad*', 'delito', '~antecedentes', 'condena', 'me detuvieron', 'me condenaron'],
  },
  children: {
    possessives: ['mi', 'mis', 'nuestro', 'nuestra', 'nuestros', 'nuestras'],
    kin: ['hijo', 'hija', 'hijos', 'niño', 'niña', 'bebé', 'nieto', 'nieta', 'sobrino', 'sobrina'],
    selfAge: ['tengo'],
    ageUnits: ['años', 'año', 'meses'],
    notAge: ['de experiencia', 'trabajando', 'de carrera'],
  },
};
