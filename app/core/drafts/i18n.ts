/**
 * Wording of the communication to data subjects (GDPR Art. 34) in English, German, French and
 * Spanish: short sentences, no jurisdiction jargon, the data about *them* first (Dutch DPA advice
 * on warning messages).
 */
import type { DataCategory } from '../assess/facts.ts';
import type { Language } from './model.ts';

export interface SubjectStrings {
  missingWord: string;
  title: string;
  subject: (controller: string) => string;
  subjectLine: string;
  greeting: string;
  intro: string;
  publicIntro: string;
  whatHappened: string;
  whichData: string;
  whichDataIntro: string;
  consequences: string;
  whatWeDid: string;
  whatYouCanDo: string;
  contact: string;
  contactIntro: string;
  dpo: string;
  legalBasis: string;
  dates: (aware: string) => string;
  persons: string;
  categories: Record<DataCategory, string>;
  steps: Partial<Record<DataCategory | 'always', string>>;
  consequenceText: Partial<Record<DataCategory | 'always', string>>;
  fieldLabels: Record<string, string>;
  closing: string;
}

const EN: SubjectStrings = {
  missingWord: 'MISSING',
  title: 'Important: your personal data were affected by a security incident',
  subject: (c) => `Important security notice from ${c} about your personal data`,
  subjectLine: 'Subject line',
  greeting: 'Dear user,',
  intro: 'We are writing to tell you about a security incident that affected some of your personal data, what it means for you and what you can do now.',
  publicIntro: 'This public notice informs everyone affected, because contacting each person individually is not possible with reasonable effort.',
  whatHappened: 'What happened',
  whichData: 'Which of your data were involved',
  whichDataIntro: 'The data involved include:',
  consequences: 'What this may mean for you',
  whatWeDid: 'What we have done',
  whatYouCanDo: 'What you can do now',
  contact: 'Who to contact',
  contactIntro: 'If you have questions, please contact:',
  dpo: 'Data Protection Officer',
  legalBasis: 'We send this message under',
  dates: (a) => `We learned of the incident on ${a}.`,
  persons: 'Number of people affected (approximate)',
  categories: {
    contact: 'contact details (such as name, e-mail address, phone number)',
    financial: 'financial data (such as bank or card details)',
    national_id: 'identity numbers (such as ID card or social security numbers)',
    credentials: 'login data (user names, passwords, access keys)',
    chat_content: 'the content of your conversations',
    online_id: 'online identifiers (such as IP addresses or device IDs)',
    location: 'location data',
    demographic: 'personal details such as date of birth',
    health: 'information about your health',
    religion: 'information about your religious or philosophical beliefs',
    sex_life: 'information about your sex life or sexual orientation',
    political: 'information about your political opinions',
    ethnic_origin: 'information about your racial or ethnic origin',
    trade_union: 'information about trade-union membership',
    genetic: 'genetic data',
    biometric: 'biometric data',
    criminal: 'information about criminal convictions or offences',
    children: 'data about children',
  },
  steps: {
    credentials: 'Change your password now, and also on any other service where you use the same password. Turn on two-step login where you can.',
    contact: 'Be careful with e-mails, text messages and calls that mention this incident or ask for your data or passwords. We will never ask you for your password.',
    financial: 'Check your bank and card statements. If you see anything unusual, contact your bank and have your card blocked.',
    national_id: 'Watch for signs that someone uses your identity (for example letters about credit or contracts you did not request).',
    chat_content: 'Be wary of messages that quote your conversations or personal details to gain your trust.',
    always: 'Contact us if you notice anything suspicious.',
  },
  consequenceText: {
    contact: 'You may receive phishing or scam messages that look genuine.',
    credentials: 'Someone could try to log into your account or other accounts with the same password.',
    financial: 'Someone could try to misuse your financial data for fraud.',
    national_id: 'Someone could try to use your identity numbers for identity fraud.',
    chat_content: 'Private things you wrote could become known to others.',
    health: 'Information about your health could become known to others, which can cause distress or discrimination.',
    always: 'We cannot rule out that unauthorised persons have seen the data.',
  },
  fieldLabels: { dpo_contact: 'DPO contact', contact_point: 'Contact point', controller_name: 'Controller name', description: 'Description of what happened', measures_taken: 'Measures taken', likely_consequences: 'Likely consequences' },
  closing: 'We are sorry for this incident and the concern it may cause.',
};

const DE: SubjectStrings = {
  missingWord: 'FEHLT',
  title: 'Wichtig: Ihre personenbezogenen Daten waren von einem Sicherheitsvorfall betroffen',
  subject: (c) => `Wichtiger Sicherheitshinweis von ${c} zu Ihren Daten`,
  subjectLine: 'Betreffzeile',
  greeting: 'Guten Tag,',
  intro: 'wir informieren Sie über einen Sicherheitsvorfall, von dem einige Ihrer personenbezogenen Daten betroffen sind, was das für Sie bedeutet und was Sie jetzt tun können.',
  publicIntro: 'Diese öffentliche Bekanntmachung informiert alle Betroffenen, weil eine einzelne Benachrichtigung nur mit unverhältnismäßigem Aufwand möglich wäre.',
  whatHappened: 'Was ist passiert?',
  whichData: 'Welche Ihrer Daten sind betroffen?',
  whichDataIntro: 'Betroffen sind:',
  consequences: 'Was das für Sie bedeuten kann',
  whatWeDid: 'Was wir unternommen haben',
  whatYouCanDo: 'Was Sie jetzt tun können',
  contact: 'Ansprechpartner',
  contactIntro: 'Bei Fragen wenden Sie sich bitte an:',
  dpo: 'Datenschutzbeauftragte(r)',
  legalBasis: 'Wir senden diese Nachricht gemäß',
  dates: (a) => `Wir haben am ${a} von dem Vorfall erfahren.`,
  persons: 'Zahl der betroffenen Personen (ungefähr)',
  categories: {
    contact: 'Kontaktdaten (z. B. Name, E-Mail-Adresse, Telefonnummer)',
    financial: 'Finanzdaten (z. B. Bank- oder Kartendaten)',
    national_id: 'Ausweis- oder Sozialversicherungsnummern',
    credentials: 'Zugangsdaten (Benutzernamen, Passwörter, Zugriffsschlüssel)',
    chat_content: 'der Inhalt Ihrer Unterhaltungen',
    online_id: 'Online-Kennungen (z. B. IP-Adressen oder Gerätekennungen)',
    location: 'Standortdaten',
    demographic: 'persönliche Angaben wie das Geburtsdatum',
    health: 'Angaben zu Ihrer Gesundheit',
    religion: 'Angaben zu Ihren religiösen oder weltanschaulichen Überzeugungen',
    sex_life: 'Angaben zu Ihrem Sexualleben oder Ihrer sexuellen Orientierung',
    political: 'Angaben zu Ihren politischen Meinungen',
    ethnic_origin: 'Angaben zu Ihrer rassischen oder ethnischen Herkunft',
    trade_union: 'Angaben zur Gewerkschaftszugehörigkeit',
    genetic: 'genetische Daten',
    biometric: 'biometrische Daten',
    criminal: 'Angaben zu strafrechtlichen Verurteilungen oder Straftaten',
    children: 'Daten über Kinder',
  },
  steps: {
    credentials: 'Ändern Sie jetzt Ihr Passwort, auch bei allen anderen Diensten, bei denen Sie dasselbe Passwort verwenden. Schalten Sie, wo möglich, die Zwei-Faktor-Anmeldung ein.',
    contact: 'Seien Sie vorsichtig bei E-Mails, SMS und Anrufen, die sich auf diesen Vorfall beziehen oder nach Daten oder Passwörtern fragen. Wir fragen Sie niemals nach Ihrem Passwort.',
    financial: 'Prüfen Sie Ihre Konto- und Kartenauszüge. Wenden Sie sich bei Auffälligkeiten an Ihre Bank und lassen Sie Ihre Karte sperren.',
    national_id: 'Achten Sie auf Anzeichen, dass jemand Ihre Identität nutzt (z. B. Schreiben zu Krediten oder Verträgen, die Sie nicht beantragt haben).',
    chat_content: 'Seien Sie misstrauisch bei Nachrichten, die Ihre Unterhaltungen oder persönliche Details zitieren, um Vertrauen zu gewinnen.',
    always: 'Melden Sie sich bei uns, wenn Ihnen etwas Verdächtiges auffällt.',
  },
  consequenceText: {
    contact: 'Sie könnten täuschend echte Phishing- oder Betrugsnachrichten erhalten.',
    credentials: 'Jemand könnte versuchen, sich mit Ihrem Passwort in Ihr Konto oder andere Konten einzuloggen.',
    financial: 'Jemand könnte versuchen, Ihre Finanzdaten für Betrug zu missbrauchen.',
    national_id: 'Jemand könnte versuchen, Ihre Ausweisnummern für Identitätsbetrug zu nutzen.',
    chat_content: 'Private Dinge, die Sie geschrieben haben, könnten anderen bekannt werden.',
    health: 'Angaben zu Ihrer Gesundheit könnten anderen bekannt werden; das kann belasten oder zu Benachteiligung führen.',
    always: 'Wir können nicht ausschließen, dass Unbefugte die Daten gesehen haben.',
  },
  fieldLabels: { dpo_contact: 'Kontakt der/des Datenschutzbeauftragten', contact_point: 'Anlaufstelle', controller_name: 'Name des Verantwortlichen', description: 'Beschreibung des Vorfalls', measures_taken: 'Ergriffene Maßnahmen', likely_consequences: 'Wahrscheinliche Folgen' },
  closing: 'Wir bedauern diesen Vorfall und die Sorgen, die er Ihnen bereiten kann.',
};

const FR: SubjectStrings = {
  missingWord: 'MANQUANT',
  title: 'Important : vos données personnelles ont été touchées par un incident de sécurité',
  subject: (c) => `Avis de sécurité important de ${c} concernant vos données`,
  subjectLine: 'Objet',
  greeting: 'Madame, Monsieur,',
  intro: 'Nous vous informons d’un incident de sécurité qui a touché certaines de vos données personnelles, de ce que cela signifie pour vous et de ce que vous pouvez faire dès maintenant.',
  publicIntro: 'Cette communication publique informe toutes les personnes concernées, car les contacter une à une exigerait des efforts disproportionnés.',
  whatHappened: 'Que s’est-il passé ?',
  whichData: 'Quelles données vous concernant sont touchées ?',
  whichDataIntro: 'Les données concernées comprennent :',
  consequences: 'Ce que cela peut signifier pour vous',
  whatWeDid: 'Ce que nous avons fait',
  whatYouCanDo: 'Ce que vous pouvez faire dès maintenant',
  contact: 'Qui contacter',
  contactIntro: 'Pour toute question, veuillez contacter :',
  dpo: 'Délégué(e) à la protection des données',
  legalBasis: 'Nous vous adressons ce message en application de',
  dates: (a) => `Nous avons eu connaissance de l’incident le ${a}.`,
  persons: 'Nombre approximatif de personnes concernées',
  categories: {
    contact: 'coordonnées (nom, adresse électronique, numéro de téléphone, par exemple)',
    financial: 'données financières (coordonnées bancaires ou de carte, par exemple)',
    national_id: 'numéros d’identité (carte d’identité ou sécurité sociale, par exemple)',
    credentials: 'données de connexion (identifiants, mots de passe, clés d’accès)',
    chat_content: 'le contenu de vos conversations',
    online_id: 'identifiants en ligne (adresses IP ou identifiants d’appareil, par exemple)',
    location: 'données de localisation',
    demographic: 'données personnelles telles que la date de naissance',
    health: 'des informations sur votre santé',
    religion: 'des informations sur vos convictions religieuses ou philosophiques',
    sex_life: 'des informations sur votre vie sexuelle ou votre orientation sexuelle',
    political: 'des informations sur vos opinions politiques',
    ethnic_origin: 'des informations sur votre origine raciale ou ethnique',
    trade_union: 'des informations sur l’appartenance syndicale',
    genetic: 'des données génétiques',
    biometric: 'des données biométriques',
    criminal: 'des informations relatives à des condamnations pénales ou à des infractions',
    children: 'des données concernant des enfants',
  },
  steps: {
    credentials: 'Changez votre mot de passe dès maintenant, ainsi que sur tout autre service où vous utilisez le même. Activez la double authentification lorsque c’est possible.',
    contact: 'Méfiez-vous des courriels, SMS et appels qui évoquent cet incident ou vous demandent vos données ou mots de passe. Nous ne vous demanderons jamais votre mot de passe.',
    financial: 'Vérifiez vos relevés bancaires et de carte. En cas d’anomalie, contactez votre banque et faites opposition sur votre carte.',
    national_id: 'Soyez attentif aux signes d’usurpation d’identité (par exemple des courriers concernant un crédit ou un contrat que vous n’avez pas demandé).',
    chat_content: 'Méfiez-vous des messages qui citent vos conversations ou des détails personnels pour gagner votre confiance.',
    always: 'Contactez-nous si vous remarquez quoi que ce soit de suspect.',
  },
  consequenceText: {
    contact: 'Vous pourriez recevoir des messages d’hameçonnage ou d’escroquerie qui semblent authentiques.',
    credentials: 'Quelqu’un pourrait tenter de se connecter à votre compte ou à d’autres comptes utilisant le même mot de passe.',
    financial: 'Quelqu’un pourrait tenter d’utiliser vos données financières à des fins de fraude.',
    national_id: 'Quelqu’un pourrait tenter d’utiliser vos numéros d’identité pour une usurpation d’identité.',
    chat_content: 'Des éléments privés que vous avez écrits pourraient être connus d’autres personnes.',
    health: 'Des informations sur votre santé pourraient être connues d’autres personnes, ce qui peut causer de la détresse ou une discrimination.',
    always: 'Nous ne pouvons pas exclure que des personnes non autorisées aient vu les données.',
  },
  fieldLabels: { dpo_contact: 'Contact du DPO', contact_point: 'Point de contact', controller_name: 'Nom du responsable du traitement', description: 'Description de l’incident', measures_taken: 'Mesures prises', likely_consequences: 'Conséquences probables' },
  closing: 'Nous regrettons cet incident et l’inquiétude qu’il peut vous causer.',
};

const ES: SubjectStrings = {
  missingWord: 'FALTA',
  title: 'Importante: sus datos personales se han visto afectados por un incidente de seguridad',
  subject: (c) => `Aviso de seguridad importante de ${c} sobre sus datos`,
  subjectLine: 'Asunto',
  greeting: 'Estimado/a usuario/a:',
  intro: 'Le escribimos para informarle de un incidente de seguridad que ha afectado a algunos de sus datos personales, qué significa para usted y qué puede hacer ahora.',
  publicIntro: 'Este comunicado público informa a todas las personas afectadas, porque contactar con cada una individualmente supondría un esfuerzo desproporcionado.',
  whatHappened: '¿Qué ha ocurrido?',
  whichData: '¿Qué datos suyos se han visto afectados?',
  whichDataIntro: 'Los datos afectados incluyen:',
  consequences: 'Qué puede significar para usted',
  whatWeDid: 'Qué hemos hecho',
  whatYouCanDo: 'Qué puede hacer ahora',
  contact: 'A quién dirigirse',
  contactIntro: 'Si tiene preguntas, póngase en contacto con:',
  dpo: 'Delegado/a de protección de datos',
  legalBasis: 'Le enviamos este mensaje conforme al',
  dates: (a) => `Tuvimos conocimiento del incidente el ${a}.`,
  persons: 'Número aproximado de personas afectadas',
  categories: {
    contact: 'datos de contacto (por ejemplo, nombre, correo electrónico, teléfono)',
    financial: 'datos financieros (por ejemplo, datos bancarios o de tarjeta)',
    national_id: 'números de identificación (por ejemplo, DNI o número de la seguridad social)',
    credentials: 'datos de acceso (nombres de usuario, contraseñas, claves de acceso)',
    chat_content: 'el contenido de sus conversaciones',
    online_id: 'identificadores en línea (por ejemplo, direcciones IP o identificadores de dispositivo)',
    location: 'datos de ubicación',
    demographic: 'datos personales como la fecha de nacimiento',
    health: 'información sobre su salud',
    religion: 'información sobre sus convicciones religiosas o filosóficas',
    sex_life: 'información sobre su vida sexual u orientación sexual',
    political: 'información sobre sus opiniones políticas',
    ethnic_origin: 'información sobre su origen racial o étnico',
    trade_union: 'información sobre afiliación sindical',
    genetic: 'datos genéticos',
    biometric: 'datos biométricos',
    criminal: 'información sobre condenas o infracciones penales',
    children: 'datos de menores',
  },
  steps: {
    credentials: 'Cambie su contraseña ahora, y también en cualquier otro servicio donde use la misma. Active la verificación en dos pasos cuando sea posible.',
    contact: 'Desconfíe de correos, SMS y llamadas que mencionen este incidente o le pidan datos o contraseñas. Nunca le pediremos su contraseña.',
    financial: 'Revise sus extractos bancarios y de tarjeta. Si ve algo inusual, contacte con su banco y bloquee la tarjeta.',
    national_id: 'Esté atento a indicios de suplantación de identidad (por ejemplo, cartas sobre créditos o contratos que no ha solicitado).',
    chat_content: 'Desconfíe de mensajes que citen sus conversaciones o datos personales para ganarse su confianza.',
    always: 'Contacte con nosotros si observa algo sospechoso.',
  },
  consequenceText: {
    contact: 'Podría recibir mensajes de phishing o estafas que parezcan auténticos.',
    credentials: 'Alguien podría intentar acceder a su cuenta o a otras cuentas con la misma contraseña.',
    financial: 'Alguien podría intentar usar sus datos financieros para cometer fraude.',
    national_id: 'Alguien podría intentar usar sus números de identificación para suplantar su identidad.',
    chat_content: 'Cosas privadas que usted escribió podrían llegar a conocimiento de otras personas.',
    health: 'Información sobre su salud podría llegar a conocimiento de otras personas, lo que puede causar angustia o discriminación.',
    always: 'No podemos descartar que personas no autorizadas hayan visto los datos.',
  },
  fieldLabels: { dpo_contact: 'Contacto del DPD', contact_point: 'Punto de contacto', controller_name: 'Nombre del responsable', description: 'Descripción del incidente', measures_taken: 'Medidas adoptadas', likely_consequences: 'Consecuencias probables' },
  closing: 'Lamentamos este incidente y la preocupación que pueda causarle.',
};

export const SUBJECT_STRINGS: Record<Language, SubjectStrings> = { en: EN, de: DE, fr: FR, es: ES };

/** Dates for people: long form in their language, in the controller's time zone. */
export function formatDateFor(language: Language, iso: string, timeZone: string): string {
  const locale = { en: 'en-GB', de: 'de-DE', fr: 'fr-FR', es: 'es-ES' }[language];
  return `${new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(iso))} (${timeZone})`;
}

export function formatNumberFor(language: Language, n: number): string {
  const locale = { en: 'en-GB', de: 'de-DE', fr: 'fr-FR', es: 'es-ES' }[language];
  return new Intl.NumberFormat(locale).format(n);
}
