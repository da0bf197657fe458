/**
 * What users write to the assistant, per language: ordinary requests, first-person disclosures of
 * GDPR Art. 9/10 data and children's data, and sentences that carry pasted identifiers.
 * Placeholders: {value} (the identifier), {name} (a person's name), {child}, {age}.
 */
import type { Language } from './countries.ts';

export type SpecialCategory =
  | 'health'
  | 'religion'
  | 'sexual_orientation'
  | 'political_opinion'
  | 'ethnic_origin'
  | 'trade_union'
  | 'genetic'
  | 'biometric';

export const SPECIAL_CATEGORIES: readonly SpecialCategory[] = ['health', 'religion', 'sexual_orientation', 'political_opinion', 'ethnic_origin', 'trade_union', 'genetic', 'biometric'];

export type PasteKind = 'email' | 'phone' | 'iban' | 'card' | 'national_id' | 'address' | 'date_of_birth' | 'friend_email' | 'friend_phone' | 'secret';

export interface LanguageBank {
  questions: readonly string[];
  replies: readonly string[];
  special: Record<SpecialCategory, string>;
  criminal: string;
  children: string;
  paste: Record<PasteKind, string>;
}

export const BANKS: Record<Language, LanguageBank> = {
  en: {
    questions: [
      'Can you help me write a cover letter for a junior data analyst job?',
      'Summarise the plot of Pride and Prejudice in five sentences.',
      'What is a good 3-day itinerary for Lisbon?',
      "Explain the difference between a list and a tuple in Python, I don't get it.",
      'Write a polite email to my landlord asking when the heating will be fixed.',
      'Give me a vegetarian dinner recipe with chickpeas.',
      'How do I convert a column of dates in Excel to ISO format?',
      'Translate "see you next Tuesday at the station" into French.',
      'Suggest five names for a small bakery.',
      'Why is my React component rendering twice?',
    ],
    replies: [
      "Sure! Here's a draft:\n\nDear Hiring Manager,\nI'm writing to apply for the Junior Data Analyst position...",
      'Here are a few options:\n1. Start with the basics\n2. Practise daily\n3. Review what you learned',
      "That's a great question. In short: lists are mutable, tuples aren't.",
      "I'd suggest keeping it short and friendly. Would you like me to adjust the tone?",
    ],
    special: {
      health: 'I was diagnosed with type 2 diabetes last month and my doctor put me on metformin. What should I eat?',
      religion: "As a practising Muslim I fast during Ramadan - how do I plan my workouts around that?",
      sexual_orientation: "I'm gay and haven't come out to my parents yet. How do I start that conversation?",
      political_opinion: "I'm an active member of the Green Party and I'm writing a speech for our local branch meeting, can you help?",
      ethnic_origin: "I'm Roma and I keep getting rejected for flats when landlords hear my surname. Is that legal?",
      trade_union: "I'm the Unite shop steward at my warehouse and management wants to meet me about the strike ballot. What are my rights?",
      genetic: 'My genetic test came back positive for the BRCA1 mutation. What are my options now?',
      biometric: 'I enrolled my fingerprint and a face scan for the office door system. Can my employer keep them after I leave?',
    },
    criminal: 'I was convicted of drink driving in 2021 and got a 12-month ban. Do I have to tell my new employer?',
    children: 'My son {child} is {age} years old and gets bullied at school. How should I talk to his teacher?',
    paste: {
      email: 'Please use my email {value} in the signature.',
      phone: 'Add my mobile number {value} at the bottom of the letter.',
      iban: 'My IBAN is {value}, can you put it into the invoice template?',
      card: 'I was charged twice on my card {value}, write a complaint to the bank.',
      national_id: 'The form asks for my ID number, it is {value}. Where does it go?',
      address: 'My address is {value}. Format it for an envelope please.',
      date_of_birth: 'I was born on {value}, how old will I be in 2030?',
      friend_email: 'Write an invitation to my friend {name} ({value}) for Saturday.',
      friend_phone: "My colleague {name}'s number is {value}, draft a text message to reschedule our call.",
      secret: 'Why does my key {value} return 401 Unauthorized?',
    },
  },
  de: {
    questions: [
      'Kannst du mir helfen, ein Anschreiben für eine Stelle als Pflegefachkraft zu formulieren?',
      'Fasse den Inhalt von "Die Verwandlung" in fünf Sätzen zusammen.',
      'Was kann ich an einem Wochenende in Hamburg unternehmen?',
      'Erkläre mir den Unterschied zwischen Dativ und Akkusativ mit Beispielen.',
      'Schreib eine höfliche Mail an meinen Vermieter wegen der kaputten Heizung.',
      'Gib mir ein schnelles Rezept für Linsensuppe.',
      'Wie berechne ich in Excel den Durchschnitt nur für sichtbare Zeilen?',
      'Übersetze "Wir sehen uns am Dienstag am Bahnhof" ins Englische.',
      'Wie kündige ich meinen Handyvertrag fristgerecht?',
      'Was ist der Unterschied zwischen GmbH und UG?',
    ],
    replies: [
      'Gerne! Hier ist ein Entwurf:\n\nSehr geehrte Damen und Herren,\nhiermit bewerbe ich mich...',
      'Hier sind ein paar Ideen:\n1. Speicherstadt\n2. Elbphilharmonie\n3. Hafenrundfahrt',
      'Kurz gesagt: Der Dativ antwortet auf "wem?", der Akkusativ auf "wen oder was?".',
      "Soll ich den Ton noch etwas förmlicher machen? Sag einfach Bescheid.",
    ],
    special: {
      health: 'Ich habe seit zwei Jahren Depressionen und nehme Sertralin. Soll ich das meinem Arbeitgeber sagen?',
      religion: 'Ich bin gläubige Katholikin und überlege, aus der Kirche auszutreten. Wie spreche ich mit meiner Familie darüber?',
      sexual_orientation: 'Ich bin lesbisch und möchte meine Freundin heiraten. Welche Unterlagen brauchen wir beim Standesamt?',
      political_opinion: 'Ich bin Mitglied der SPD und soll beim Ortsverein eine Rede zur Mietpreisbremse halten. Hilfst du mir?',
      ethnic_origin: 'Ich bin Kurdin und werde bei Wohnungsbesichtigungen ständig abgelehnt. Was kann ich tun?',
      trade_union: 'Ich bin bei ver.di und im Betriebsrat, mein Chef droht mir wegen des Warnstreiks. Darf er das?',
      genetic: 'Mein Gentest hat eine Mutation im BRCA2-Gen gezeigt. Was bedeutet das für meine Kinder?',
      biometric: 'Ich habe meinen Fingerabdruck und einen Gesichtsscan für die Zeiterfassung abgegeben. Darf mein Arbeitgeber die Daten speichern?',
    },
    criminal: 'Ich wurde 2022 wegen Ladendiebstahls zu einer Geldstrafe verurteilt. Steht das im Führungszeugnis?',
    children: 'Meine Tochter {child} ist {age} Jahre alt und hat Angst vor der Schule. Wie kann ich ihr helfen?',
    paste: {
      email: 'Bitte nimm meine E-Mail {value} in die Signatur auf.',
      phone: 'Meine Handynummer ist {value}, füg sie bitte unten an.',
      iban: 'Meine IBAN lautet {value}, trag sie bitte in die Rechnung ein.',
      card: 'Von meiner Kreditkarte {value} wurde doppelt abgebucht. Schreib eine Beschwerde an die Bank.',
      national_id: 'Das Formular will meine Steuer-ID, sie lautet {value}. Wo trage ich die ein?',
      address: 'Meine Adresse ist {value}. Bitte als Briefkopf formatieren.',
      date_of_birth: 'Ich bin am {value} geboren, wann kann ich in Rente gehen?',
      friend_email: 'Schreib eine Einladung an meine Freundin {name} ({value}) für Samstag.',
      friend_phone: 'Die Nummer von meinem Kollegen {name} ist {value}, schreib ihm eine SMS wegen morgen.',
      secret: 'Warum bekomme ich mit meinem Schlüssel {value} immer 401?',
    },
  },
  fr: {
    questions: [
      "Peux-tu m'aider à rédiger une lettre de motivation pour un poste de comptable ?",
      'Résume "Le Petit Prince" en cinq phrases.',
      'Que visiter à Lyon en deux jours ?',
      'Explique-moi la différence entre le passé composé et l’imparfait.',
      'Écris un mail poli à mon propriétaire pour le chauffage en panne.',
      'Donne-moi une recette rapide de ratatouille.',
      'Comment faire une recherche V dans Excel ?',
      'Traduis "on se voit mardi à la gare" en anglais.',
      'Comment résilier mon abonnement internet ?',
    ],
    replies: [
      "Bien sûr ! Voici un brouillon :\n\nMadame, Monsieur,\nJe me permets de vous écrire...",
      "Voici quelques idées :\n1. Vieux Lyon\n2. Fourvière\n3. Les traboules",
      "En bref : l'imparfait décrit, le passé composé raconte.",
    ],
    special: {
      health: "J'ai un cancer du sein et je commence la chimiothérapie lundi. Comment gérer la fatigue au travail ?",
      religion: 'Je suis juive pratiquante et je ne travaille pas le samedi. Comment le dire à mon nouvel employeur ?',
      sexual_orientation: "Je suis bisexuel et mon copain ne le sait pas encore. Comment lui en parler ?",
      political_opinion: "Je milite à La France insoumise et je dois écrire un tract pour la manif de samedi, tu m'aides ?",
      ethnic_origin: "Je suis d'origine maghrébine et on refuse souvent mes candidatures. Comment prouver une discrimination ?",
      trade_union: "Je suis délégué CGT dans mon entreprise et la direction veut me licencier. Quels sont mes droits ?",
      genetic: "Mon test ADN montre que je suis porteur de la mucoviscidose. Dois-je le dire à ma compagne ?",
      biometric: "J'ai donné mes empreintes digitales et un scan de mon visage pour la badgeuse. Mon employeur peut-il les garder ?",
    },
    criminal: "J'ai été condamné pour conduite en état d'ivresse l'an dernier. Est-ce que ça apparaît sur mon casier ?",
    children: "Mon fils {child} a {age} ans et il a du mal à lire. Que puis-je faire ?",
    paste: {
      email: "Mets mon adresse {value} dans la signature s'il te plaît.",
      phone: 'Mon numéro de portable est le {value}, ajoute-le en bas.',
      iban: "Mon IBAN est {value}, peux-tu l'ajouter à la facture ?",
      card: 'Ma carte {value} a été débitée deux fois, écris une réclamation à la banque.',
      national_id: 'On me demande mon numéro de sécurité sociale : {value}. Où le mettre ?',
      address: 'Mon adresse est {value}. Mets-la en forme pour une enveloppe.',
      date_of_birth: 'Je suis né le {value}, quel âge aurai-je en 2030 ?',
      friend_email: "Écris une invitation à mon amie {name} ({value}) pour samedi.",
      friend_phone: 'Le numéro de mon collègue {name} est {value}, rédige-lui un SMS.',
      secret: 'Pourquoi ma clé {value} renvoie une erreur 401 ?',
    },
  },
  es: {
    questions: [
      '¿Me ayudas a escribir una carta de presentación para un puesto de recepcionista?',
      'Resume "Cien años de soledad" en cinco frases.',
      '¿Qué puedo visitar en Sevilla en un fin de semana?',
      'Explícame la diferencia entre ser y estar.',
      'Escribe un correo educado a mi casero por la calefacción.',
      'Dame una receta fácil de tortilla de patatas.',
      '¿Cómo uso BUSCARV en Excel?',
      'Traduce "nos vemos el martes en la estación" al inglés.',
    ],
    replies: [
      '¡Claro! Aquí tienes un borrador:\n\nEstimado/a responsable de selección:\nMe dirijo a usted...',
      'Algunas ideas:\n1. La Giralda\n2. El Alcázar\n3. Triana',
      'En resumen: "ser" para lo permanente, "estar" para lo temporal.',
    ],
    special: {
      health: 'Tengo VIH desde hace tres años y tomo tratamiento antirretroviral. ¿Tengo que decírselo a mi empresa?',
      religion: 'Soy testigo de Jehová y no acepto transfusiones de sangre. ¿Cómo lo dejo por escrito para el hospital?',
      sexual_orientation: 'Soy una mujer trans y quiero cambiar mi nombre en el DNI. ¿Qué pasos hay que seguir?',
      political_opinion: 'Soy afiliado a Podemos y tengo que preparar un discurso para la asamblea del barrio. ¿Me ayudas?',
      ethnic_origin: 'Soy gitano y en las entrevistas de trabajo me tratan distinto. ¿Qué puedo hacer?',
      trade_union: 'Soy delegada de CCOO en mi empresa y me quieren cambiar de turno por la huelga. ¿Es legal?',
      genetic: 'Mi prueba genética dio positivo en la mutación de Huntington. ¿Cómo se lo cuento a mi familia?',
      biometric: 'En el gimnasio me pidieron la huella dactilar y un escaneo facial para entrar. ¿Pueden guardarlos?',
    },
    criminal: 'Tengo antecedentes penales por un robo en 2019. ¿Puedo trabajar como vigilante de seguridad?',
    children: 'Mi hija {child} tiene {age} años y no quiere comer verduras. ¿Algún consejo?',
    paste: {
      email: 'Pon mi correo {value} en la firma, por favor.',
      phone: 'Mi móvil es {value}, añádelo al final.',
      iban: 'Mi IBAN es {value}, ¿lo pones en la factura?',
      card: 'Me cobraron dos veces en mi tarjeta {value}, escribe una reclamación.',
      national_id: 'El formulario pide mi DNI, es {value}. ¿Dónde va?',
      address: 'Mi dirección es {value}. Dale formato de sobre.',
      date_of_birth: 'Nací el {value}, ¿cuántos años tendré en 2030?',
      friend_email: 'Escribe una invitación a mi amiga {name} ({value}) para el sábado.',
      friend_phone: 'El número de mi compañero {name} es {value}, escríbele un mensaje.',
      secret: '¿Por qué mi clave {value} devuelve 401?',
    },
  },
  it: {
    questions: [
      'Mi aiuti a scrivere una lettera di presentazione per un lavoro da barista?',
      'Riassumi "I promessi sposi" in cinque frasi.',
      'Cosa vedere a Napoli in un weekend?',
      'Spiegami la differenza tra passato prossimo e passato remoto.',
      'Scrivi una mail gentile al padrone di casa per il riscaldamento rotto.',
      'Dammi una ricetta veloce di pasta e fagioli.',
      'Come si usa il CERCA.VERT in Excel?',
      'Traduci "ci vediamo martedì in stazione" in inglese.',
    ],
    replies: [
      'Certo! Ecco una bozza:\n\nGentile responsabile,\nmi chiamo...',
      'Ecco qualche idea:\n1. Spaccanapoli\n2. Castel dell\'Ovo\n3. Il Vomero',
      'In breve: il passato prossimo collega al presente, il remoto no.',
    ],
    special: {
      health: "Soffro di epilessia e ho avuto una crisi al lavoro la settimana scorsa. Devo dirlo al mio capo?",
      religion: 'Sono evangelico e la domenica vado in chiesa, il mio datore vuole farmi lavorare. Posso rifiutare?',
      sexual_orientation: 'Sono omosessuale e voglio registrare l’unione civile con il mio compagno. Quali documenti servono?',
      political_opinion: 'Sono iscritto al Partito Democratico e devo scrivere un intervento per il circolo. Mi aiuti?',
      ethnic_origin: 'Sono di origine senegalese e mi rifiutano gli affitti appena sentono il mio accento. È legale?',
      trade_union: 'Sono rappresentante della CGIL in azienda e mi hanno tolto i turni dopo lo sciopero. Cosa posso fare?',
      genetic: 'Il test genetico ha trovato che sono portatrice di talassemia. Cosa significa per una gravidanza?',
      biometric: "Ho registrato impronte digitali e riconoscimento facciale per il badge aziendale. Possono conservarli?",
    },
    criminal: 'Sono stato condannato per guida in stato di ebbrezza nel 2020. Risulta nel casellario giudiziale?',
    children: 'Mio figlio {child} ha {age} anni e non dorme la notte. Che cosa posso fare?',
    paste: {
      email: 'Metti la mia email {value} nella firma.',
      phone: 'Il mio cellulare è {value}, aggiungilo in fondo.',
      iban: 'Il mio IBAN è {value}, lo inserisci nella fattura?',
      card: 'Mi hanno addebitato due volte sulla carta {value}, scrivi un reclamo.',
      national_id: 'Il modulo chiede il codice fiscale, è {value}. Dove lo metto?',
      address: 'Il mio indirizzo è {value}. Formattalo per una busta.',
      date_of_birth: 'Sono nato il {value}, quanti anni avrò nel 2030?',
      friend_email: 'Scrivi un invito alla mia amica {name} ({value}) per sabato.',
      friend_phone: 'Il numero del mio collega {name} è {value}, scrivigli un messaggio.',
      secret: 'Perché la mia chiave {value} restituisce 401?',
    },
  },
  nl: {
    questions: [
      'Kun je me helpen met een sollicitatiebrief voor een baan als verpleegkundige?',
      'Vat "Het Achterhuis" samen in vijf zinnen.',
      'Wat kan ik een weekend doen in Utrecht?',
      'Leg het verschil uit tussen "die" en "dat".',
      'Schrijf een beleefde mail aan mijn huisbaas over de kapotte verwarming.',
      'Geef me een snel recept voor erwtensoep.',
      'Hoe gebruik ik VERT.ZOEKEN in Excel?',
      'Vertaal "tot dinsdag op het station" naar het Engels.',
    ],
    replies: [
      'Natuurlijk! Hier is een opzet:\n\nGeachte heer/mevrouw,\nMet veel interesse...',
      'Een paar ideeën:\n1. De Dom\n2. De grachten\n3. Het Spoorwegmuseum',
      'Kort gezegd: "die" voor de-woorden, "dat" voor het-woorden.',
    ],
    special: {
      health: 'Ik heb de ziekte van Crohn en moet binnenkort geopereerd worden. Hoe regel ik ziekteverlof?',
      religion: 'Ik ben moslim en wil op vrijdag tijd om te bidden. Hoe vraag ik dat aan mijn werkgever?',
      sexual_orientation: 'Ik ben homo en mijn collega’s maken er grappen over. Wat kan ik doen?',
      political_opinion: 'Ik ben lid van GroenLinks en moet een toespraak schrijven voor de afdeling. Help je me?',
      ethnic_origin: 'Ik ben van Marokkaanse afkomst en word steeds afgewezen voor stages. Is dat discriminatie?',
      trade_union: 'Ik ben kaderlid van de FNV en mijn leidinggevende wil me overplaatsen na de staking. Mag dat?',
      genetic: 'Uit mijn DNA-test blijkt dat ik drager ben van een erfelijke hartziekte. Moet ik mijn verzekeraar inlichten?',
      biometric: 'Mijn werkgever heeft mijn vingerafdruk en gezichtsscan opgeslagen voor de prikklok. Mag dat?',
    },
    criminal: 'Ik heb een strafblad voor mishandeling uit 2020. Krijg ik nog een VOG?',
    children: 'Mijn dochter {child} is {age} jaar en wordt gepest op school. Hoe pak ik dat aan?',
    paste: {
      email: 'Zet mijn e-mailadres {value} in de handtekening.',
      phone: 'Mijn mobiele nummer is {value}, zet het onderaan.',
      iban: 'Mijn IBAN is {value}, kun je het op de factuur zetten?',
      card: 'Er is twee keer afgeschreven van mijn creditcard {value}, schrijf een klacht.',
      national_id: 'Het formulier vraagt mijn BSN, dat is {value}. Waar vul ik dat in?',
      address: 'Mijn adres is {value}. Zet het netjes op een envelop.',
      date_of_birth: 'Ik ben geboren op {value}, hoe oud ben ik in 2030?',
      friend_email: 'Schrijf een uitnodiging aan mijn vriendin {name} ({value}) voor zaterdag.',
      friend_phone: 'Het nummer van mijn collega {name} is {value}, stuur hem een berichtje.',
      secret: 'Waarom geeft mijn sleutel {value} een 401?',
    },
  },
  pl: {
    questions: [
      'Pomożesz mi napisać list motywacyjny na stanowisko księgowej?',
      'Streść "Lalkę" w pięciu zdaniach.',
      'Co zobaczyć w Krakowie w weekend?',
      'Wyjaśnij różnicę między aspektem dokonanym i niedokonanym.',
      'Napisz uprzejmy mail do właściciela mieszkania w sprawie ogrzewania.',
      'Podaj szybki przepis na pierogi ruskie.',
      'Jak użyć WYSZUKAJ.PIONOWO w Excelu?',
      'Przetłumacz "do zobaczenia we wtorek na dworcu" na angielski.',
    ],
    replies: [
      'Jasne! Oto szkic:\n\nSzanowni Państwo,\nw odpowiedzi na ogłoszenie...',
      'Kilka pomysłów:\n1. Wawel\n2. Kazimierz\n3. Sukiennice',
      'W skrócie: aspekt dokonany opisuje zakończoną czynność.',
    ],
    special: {
      health: 'Choruję na stwardnienie rozsiane i biorę interferon. Czy muszę powiedzieć o tym pracodawcy?',
      religion: 'Jestem świadkiem Jehowy i nie obchodzę świąt. Jak to wytłumaczyć w pracy?',
      sexual_orientation: 'Jestem gejem i chcę powiedzieć o tym rodzicom. Jak zacząć tę rozmowę?',
      political_opinion: 'Należę do partii Razem i piszę przemówienie na zebranie koła. Pomożesz?',
      ethnic_origin: 'Jestem Ukrainką i wynajmujący odmawiają mi mieszkania. Czy to legalne?',
      trade_union: 'Jestem w związku zawodowym Solidarność i szef grozi mi zwolnieniem po strajku. Co robić?',
      genetic: 'Badanie genetyczne wykazało u mnie mutację BRCA1. Co dalej?',
      biometric: 'Pracodawca zebrał mój odcisk palca i skan twarzy do systemu wejść. Czy może je przechowywać?',
    },
    criminal: 'Zostałem skazany za jazdę po pijanemu w 2021 roku. Czy to widać w zaświadczeniu o niekaralności?',
    children: 'Mój syn {child} ma {age} lat i boi się chodzić do szkoły. Jak mu pomóc?',
    paste: {
      email: 'Dodaj mój e-mail {value} do podpisu.',
      phone: 'Mój numer komórki to {value}, dopisz go na dole.',
      iban: 'Mój numer konta to {value}, wpisz go do faktury.',
      card: 'Z mojej karty {value} pobrano opłatę dwa razy, napisz reklamację.',
      national_id: 'Formularz wymaga numeru PESEL, to {value}. Gdzie go wpisać?',
      address: 'Mój adres to {value}. Sformatuj go na kopertę.',
      date_of_birth: 'Urodziłem się {value}, ile będę miał lat w 2030?',
      friend_email: 'Napisz zaproszenie do mojej przyjaciółki {name} ({value}) na sobotę.',
      friend_phone: 'Numer mojego kolegi {name} to {value}, napisz do niego SMS.',
      secret: 'Dlaczego mój klucz {value} zwraca 401?',
    },
  },
  pt: {
    questions: [
      'Pode me ajudar a escrever uma carta de apresentação para vaga de estágio?',
      'Resuma "Dom Casmurro" em cinco frases.',
      'O que fazer em Lisboa num fim de semana?',
      'Explique a diferença entre "por que" e "porque".',
      'Escreva um e-mail educado ao meu senhorio sobre o aquecimento.',
      'Me dá uma receita rápida de feijoada.',
      'Como usar PROCV no Excel?',
      'Traduza "até terça na estação" para o inglês.',
    ],
    replies: [
      'Claro! Aqui está um rascunho:\n\nPrezados,\nvenho por meio desta...',
      'Algumas ideias:\n1. Alfama\n2. Belém\n3. LX Factory',
      'Resumindo: "por que" pergunta, "porque" explica.',
    ],
    special: {
      health: 'Tenho transtorno bipolar e tomo lítio. Preciso contar para a empresa na entrevista?',
      religion: 'Sou evangélica e não trabalho aos domingos por causa do culto. Como negociar isso com o chefe?',
      sexual_orientation: 'Sou lésbica e quero oficializar a união estável com a minha namorada. Como faço?',
      political_opinion: 'Sou filiado ao PT e preciso escrever um discurso para a reunião do diretório. Me ajuda?',
      ethnic_origin: 'Sou negro e fui barrado na entrada de uma loja. Como registro uma denúncia de racismo?',
      trade_union: 'Sou dirigente sindical dos bancários e o banco quer me transferir após a greve. Pode?',
      genetic: 'Meu exame genético mostrou que tenho a mutação para anemia falciforme. O que isso significa?',
      biometric: 'A academia cadastrou minha digital e reconhecimento facial. Eles podem guardar esses dados?',
    },
    criminal: 'Fui condenado por receptação em 2018. Isso aparece na certidão de antecedentes criminais?',
    children: 'Minha filha {child} tem {age} anos e está com dificuldade na escola. O que faço?',
    paste: {
      email: 'Coloque meu e-mail {value} na assinatura.',
      phone: 'Meu celular é {value}, coloque no final.',
      iban: 'Meu IBAN é {value}, pode colocar na fatura?',
      card: 'Cobraram duas vezes no meu cartão {value}, escreva uma reclamação.',
      national_id: 'O formulário pede meu documento, é {value}. Onde coloco?',
      address: 'Meu endereço é {value}. Formate para um envelope.',
      date_of_birth: 'Nasci em {value}, quantos anos terei em 2030?',
      friend_email: 'Escreva um convite para minha amiga {name} ({value}) para sábado.',
      friend_phone: 'O número do meu colega {name} é {value}, mande uma mensagem para ele.',
      secret: 'Por que minha chave {value} retorna 401?',
    },
  },
};

export const CHILD_NAMES: Record<Language, readonly string[]> = {
  // Sons for the templates that speak of a son (en, fr, it, pl), daughters for the others.
  en: ['Oliver', 'Leo', 'Noah', 'Jack', 'Harry', 'Finley'],
  de: ['Emma', 'Mila', 'Lina', 'Hannah', 'Clara', 'Ida'],
  fr: ['Gabriel', 'Léo', 'Raphaël', 'Jules', 'Arthur', 'Louis'],
  es: ['Sofía', 'Lucía', 'Valeria', 'Martina', 'Julia', 'Carmen'],
  it: ['Tommaso', 'Edoardo', 'Riccardo', 'Leonardo', 'Pietro', 'Gabriele'],
  nl: ['Julia', 'Mila', 'Saar', 'Tess', 'Noor', 'Zoë'],
  pl: ['Antoś', 'Kuba', 'Staś', 'Franek', 'Jaś', 'Olek'],
  pt: ['Helena', 'Alice', 'Laura', 'Manuela', 'Valentina', 'Cecília'],
};

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => values[key] ?? m);
}
