/**
 * Country profiles of the simulated user base: how many users each country has, and what its
 * people's names, e-mail providers, addresses, banks and networks look like.
 */

export type Language = 'en' | 'de' | 'fr' | 'es' | 'it' | 'nl' | 'pl' | 'pt';

export type NationalIdKind =
  | 'de_tax_id'
  | 'fr_nir'
  | 'es_dni'
  | 'it_codice_fiscale'
  | 'nl_bsn'
  | 'pl_pesel'
  | 'br_cpf'
  | 'in_aadhaar'
  | 'cn_resident_id'
  | 'sg_nric'
  | 'us_ssn'
  | 'uk_nino';

export interface CountryProfile {
  code: string;
  /** Share of the user base (relative). Skewed towards the EU, where the service mostly sells. */
  weight: number;
  locales: ReadonlyArray<readonly [string, Language]>;
  femaleNames: readonly string[];
  maleNames: readonly string[];
  surnames: readonly string[];
  /** Written family name first (Chinese names). */
  familyNameFirst?: boolean;
  /** Local providers; global ones (gmail.com, outlook.com, ...) are mixed in for every country. */
  emailDomains: readonly string[];
  /** Share of addresses at a local provider rather than a global one. */
  localEmailShare: number;
  cities: ReadonlyArray<readonly [string, string]>; // [city, postcode prefix or postcode]
  streets: readonly string[];
  addressFormat: 'street-number' | 'number-street';
  /** Public IPv4 blocks ([first, last] dotted) that DB-IP places in this country: consumer ISPs. */
  ipBlocks: ReadonlyArray<readonly [string, string]>;
  /** Bank identifiers used to build the BBAN (the IBAN's country-specific part), where IBAN exists. */
  banks?: readonly string[];
  nationalId?: NationalIdKind;
}

export const COUNTRIES: readonly CountryProfile[] = [
  {
    code: 'DE',
    weight: 22,
    locales: [['de-DE', 'de']],
    femaleNames: ['Anna', 'Lena', 'Laura', 'Julia', 'Sarah', 'Katharina', 'Sophie', 'Marie', 'Lea', 'Hannah', 'Johanna', 'Claudia', 'Sabine', 'Petra'],
    maleNames: ['Lukas', 'Jonas', 'Felix', 'Maximilian', 'Leon', 'Paul', 'Tobias', 'Jan', 'Florian', 'Stefan', 'Thomas', 'Michael', 'Jürgen', 'Matthias'],
    surnames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann'],
    emailDomains: ['gmx.de', 'web.de', 't-online.de', 'freenet.de', 'posteo.de', 'gmx.net'],
    localEmailShare: 0.6,
    cities: [['Berlin', '10'], ['Hamburg', '20'], ['München', '80'], ['Köln', '50'], ['Frankfurt am Main', '60'], ['Stuttgart', '70'], ['Leipzig', '04'], ['Dresden', '01']],
    streets: ['Hauptstraße', 'Schillerstraße', 'Goethestraße', 'Bahnhofstraße', 'Lindenallee', 'Gartenweg', 'Friedrichstraße', 'Kastanienweg'],
    addressFormat: 'street-number',
    ipBlocks: [['91.0.0.0', '91.63.255.255'], ['93.192.0.0', '93.255.255.255'], ['87.128.0.0', '87.191.255.255']],
    banks: ['10070000', '37040044', '50010517', '12030000', '20041133', '43060967', '70020270', '60050101'],
    nationalId: 'de_tax_id',
  },
  {
    code: 'FR',
    weight: 13,
    locales: [['fr-FR', 'fr']],
    femaleNames: ['Camille', 'Léa', 'Manon', 'Chloé', 'Inès', 'Sarah', 'Julie', 'Émilie', 'Claire', 'Nathalie', 'Céline', 'Aurélie'],
    maleNames: ['Lucas', 'Hugo', 'Louis', 'Nathan', 'Thomas', 'Julien', 'Nicolas', 'Antoine', 'Maxime', 'Pierre', 'Mathieu', 'Étienne'],
    surnames: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefebvre', 'Michel', 'Garcia', 'Fournier', 'Girard', 'Mercier'],
    emailDomains: ['orange.fr', 'free.fr', 'laposte.net', 'sfr.fr', 'wanadoo.fr'],
    localEmailShare: 0.5,
    cities: [['Paris', '75011'], ['Lyon', '69003'], ['Marseille', '13006'], ['Toulouse', '31000'], ['Nantes', '44000'], ['Lille', '59000'], ['Bordeaux', '33000']],
    streets: ['rue de la République', 'avenue Victor Hugo', 'rue Pasteur', 'boulevard Voltaire', 'rue des Lilas', 'place de la Mairie', 'rue Jean Jaurès'],
    addressFormat: 'number-street',
    ipBlocks: [['176.128.0.0', '176.191.255.255'], ['86.192.0.0', '86.255.255.255'], ['109.0.0.0', '109.31.255.255']],
    banks: ['30004', '30003', '20041', '10278', '30066', '11306'],
    nationalId: 'fr_nir',
  },
  {
    code: 'ES',
    weight: 10.5,
    locales: [['es-ES', 'es']],
    femaleNames: ['Lucía', 'María', 'Paula', 'Laura', 'Marta', 'Carmen', 'Elena', 'Sara', 'Ana', 'Cristina', 'Nuria', 'Alba'],
    maleNames: ['Hugo', 'Pablo', 'Daniel', 'Alejandro', 'Javier', 'Adrián', 'David', 'Sergio', 'Carlos', 'Jorge', 'Álvaro', 'Manuel'],
    surnames: ['García', 'Rodríguez', 'González', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín', 'Jiménez', 'Ruiz', 'Hernández', 'Díaz', 'Moreno', 'Muñoz', 'Álvarez', 'Romero'],
    emailDomains: ['telefonica.net', 'yahoo.es', 'hotmail.es', 'movistar.es'],
    localEmailShare: 0.35,
    cities: [['Madrid', '28004'], ['Barcelona', '08012'], ['Valencia', '46002'], ['Sevilla', '41001'], ['Zaragoza', '50001'], ['Málaga', '29001'], ['Bilbao', '48001']],
    streets: ['Calle Mayor', 'Calle de Alcalá', 'Avenida de la Constitución', 'Calle Real', 'Paseo de Gracia', 'Calle del Sol', 'Gran Vía'],
    addressFormat: 'street-number',
    ipBlocks: [['88.0.0.0', '88.31.255.255'], ['83.32.0.0', '83.63.255.255'], ['85.48.0.0', '85.63.255.255']],
    banks: ['2100', '0049', '0182', '2038', '0081', '1465'],
    nationalId: 'es_dni',
  },
  {
    code: 'IT',
    weight: 10,
    locales: [['it-IT', 'it']],
    femaleNames: ['Giulia', 'Sofia', 'Aurora', 'Alice', 'Martina', 'Chiara', 'Francesca', 'Sara', 'Elena', 'Valentina', 'Federica', 'Silvia'],
    maleNames: ['Leonardo', 'Francesco', 'Alessandro', 'Lorenzo', 'Matteo', 'Andrea', 'Marco', 'Luca', 'Giuseppe', 'Davide', 'Simone', 'Stefano'],
    surnames: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'Conti', 'De Luca', 'Mancini', 'Costa', 'Giordano', 'Rizzo'],
    emailDomains: ['libero.it', 'virgilio.it', 'tiscali.it', 'alice.it', 'tin.it'],
    localEmailShare: 0.5,
    cities: [['Roma', '00184'], ['Milano', '20121'], ['Napoli', '80133'], ['Torino', '10121'], ['Palermo', '90133'], ['Bologna', '40121'], ['Firenze', '50122']],
    streets: ['Via Roma', 'Via Garibaldi', 'Corso Vittorio Emanuele', 'Via Mazzini', 'Via Dante', 'Piazza della Repubblica', 'Via Verdi'],
    addressFormat: 'street-number',
    ipBlocks: [['79.0.0.0', '79.63.255.255'], ['93.32.0.0', '93.63.255.255'], ['95.224.0.0', '95.255.255.255']],
    banks: ['03069', '02008', '05034', '03062', '01030', '05696'],
    nationalId: 'it_codice_fiscale',
  },
  {
    code: 'GB',
    weight: 9.5,
    locales: [['en-GB', 'en']],
    femaleNames: ['Olivia', 'Amelia', 'Isla', 'Emily', 'Charlotte', 'Sophie', 'Jessica', 'Hannah', 'Lucy', 'Eleanor', 'Grace', 'Rebecca'],
    maleNames: ['Oliver', 'George', 'Harry', 'Jack', 'Charlie', 'James', 'William', 'Thomas', 'Daniel', 'Samuel', 'Joshua', 'Callum'],
    surnames: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall'],
    emailDomains: ['btinternet.com', 'sky.com', 'yahoo.co.uk', 'hotmail.co.uk', 'virginmedia.com'],
    localEmailShare: 0.4,
    cities: [['London', 'SW1A 1AA'], ['Manchester', 'M1 1AE'], ['Birmingham', 'B1 1BB'], ['Leeds', 'LS1 4DY'], ['Bristol', 'BS1 5TR'], ['Glasgow', 'G1 1XQ'], ['Edinburgh', 'EH1 1YZ']],
    streets: ['High Street', 'Station Road', 'Church Lane', 'Victoria Road', 'Park Avenue', 'Mill Lane', 'Queens Road'],
    addressFormat: 'number-street',
    ipBlocks: [['86.128.0.0', '86.191.255.255'], ['90.192.0.0', '90.223.255.255'], ['86.0.0.0', '86.31.255.255']],
    banks: ['NWBK', 'BARC', 'LOYD', 'HBUK', 'MIDL', 'MONZ'],
    nationalId: 'uk_nino',
  },
  {
    code: 'US',
    weight: 9,
    locales: [['en-US', 'en'], ['es-US', 'es']],
    femaleNames: ['Emma', 'Olivia', 'Ava', 'Madison', 'Abigail', 'Emily', 'Ashley', 'Jennifer', 'Jessica', 'Megan', 'Brittany', 'Kayla'],
    maleNames: ['Liam', 'Noah', 'Ethan', 'Mason', 'Jacob', 'Michael', 'Tyler', 'Brandon', 'Christopher', 'Austin', 'Kevin', 'Ryan'],
    surnames: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'Harris', 'Clark', 'Lewis'],
    emailDomains: ['yahoo.com', 'aol.com', 'comcast.net', 'att.net', 'hotmail.com'],
    localEmailShare: 0.3,
    cities: [['New York, NY', '10001'], ['Austin, TX', '78701'], ['Seattle, WA', '98101'], ['Chicago, IL', '60601'], ['San Francisco, CA', '94103'], ['Denver, CO', '80202'], ['Boston, MA', '02116']],
    streets: ['Main St', 'Oak Ave', 'Maple Dr', 'Washington Blvd', 'Elm St', 'Park Ave', '2nd St'],
    addressFormat: 'number-street',
    ipBlocks: [['73.0.0.0', '73.255.255.255'], ['98.192.0.0', '98.255.255.255']],
    nationalId: 'us_ssn',
  },
  {
    code: 'NL',
    weight: 5,
    locales: [['nl-NL', 'nl']],
    femaleNames: ['Emma', 'Julia', 'Sophie', 'Tess', 'Anna', 'Sanne', 'Lotte', 'Fleur', 'Iris', 'Eva'],
    maleNames: ['Daan', 'Sem', 'Lucas', 'Levi', 'Bram', 'Thijs', 'Ruben', 'Jeroen', 'Sander', 'Pieter'],
    surnames: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters'],
    emailDomains: ['ziggo.nl', 'kpnmail.nl', 'hotmail.nl', 'planet.nl', 'xs4all.nl'],
    localEmailShare: 0.4,
    cities: [['Amsterdam', '1012 AB'], ['Rotterdam', '3011 AD'], ['Utrecht', '3511 AX'], ['Den Haag', '2511 CV'], ['Eindhoven', '5611 AZ'], ['Groningen', '9711 LM']],
    streets: ['Kerkstraat', 'Dorpsstraat', 'Stationsweg', 'Molenweg', 'Schoolstraat', 'Julianastraat', 'Prinsengracht'],
    addressFormat: 'street-number',
    ipBlocks: [['86.80.0.0', '86.95.255.255'], ['84.24.0.0', '84.31.255.255']],
    banks: ['INGB', 'ABNA', 'RABO', 'SNSB', 'TRIO', 'KNAB', 'BUNQ'],
    nationalId: 'nl_bsn',
  },
  {
    code: 'PL',
    weight: 4.5,
    locales: [['pl-PL', 'pl']],
    femaleNames: ['Zuzanna', 'Julia', 'Maja', 'Zofia', 'Hanna', 'Anna', 'Katarzyna', 'Magdalena', 'Agnieszka', 'Małgorzata'],
    maleNames: ['Antoni', 'Jan', 'Jakub', 'Aleksander', 'Franciszek', 'Piotr', 'Krzysztof', 'Tomasz', 'Paweł', 'Michał'],
    surnames: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Woźniak', 'Dąbrowski', 'Kozłowski', 'Jankowski', 'Mazur'],
    emailDomains: ['wp.pl', 'onet.pl', 'o2.pl', 'interia.pl', 'gazeta.pl'],
    localEmailShare: 0.65,
    cities: [['Warszawa', '00-001'], ['Kraków', '30-001'], ['Łódź', '90-001'], ['Wrocław', '50-001'], ['Poznań', '60-001'], ['Gdańsk', '80-001']],
    streets: ['ul. Marszałkowska', 'ul. Długa', 'ul. Polna', 'ul. Lipowa', 'ul. Mickiewicza', 'ul. Słoneczna', 'ul. Kościuszki'],
    addressFormat: 'street-number',
    ipBlocks: [['83.0.0.0', '83.31.255.255'], ['89.64.0.0', '89.79.255.255']],
    banks: ['10201026', '11402004', '10501214', '12401037', '10902590', '11602202'],
    nationalId: 'pl_pesel',
  },
  {
    code: 'BR',
    weight: 4,
    locales: [['pt-BR', 'pt']],
    femaleNames: ['Ana', 'Beatriz', 'Mariana', 'Juliana', 'Camila', 'Larissa', 'Fernanda', 'Gabriela', 'Letícia', 'Bruna'],
    maleNames: ['João', 'Pedro', 'Lucas', 'Gabriel', 'Rafael', 'Matheus', 'Gustavo', 'Felipe', 'Thiago', 'Bruno'],
    surnames: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Rodrigues', 'Ferreira', 'Alves', 'Pereira', 'Lima', 'Gomes', 'Costa', 'Ribeiro', 'Martins', 'Carvalho'],
    emailDomains: ['uol.com.br', 'bol.com.br', 'terra.com.br', 'ig.com.br', 'hotmail.com.br'],
    localEmailShare: 0.4,
    cities: [['São Paulo', '01310-100'], ['Rio de Janeiro', '20040-002'], ['Belo Horizonte', '30130-010'], ['Curitiba', '80010-000'], ['Porto Alegre', '90010-150'], ['Recife', '50010-000']],
    streets: ['Rua das Flores', 'Avenida Paulista', 'Rua São João', 'Rua XV de Novembro', 'Avenida Brasil', 'Rua da Consolação'],
    addressFormat: 'street-number',
    ipBlocks: [['179.72.0.0', '179.95.255.255'], ['191.160.0.0', '191.191.255.255']],
    banks: ['00360305', '60701190', '90400888', '07237373'],
    nationalId: 'br_cpf',
  },
  {
    code: 'IN',
    weight: 3.5,
    locales: [['en-IN', 'en']],
    femaleNames: ['Priya', 'Ananya', 'Diya', 'Aditi', 'Kavya', 'Neha', 'Pooja', 'Sneha', 'Divya', 'Anjali'],
    maleNames: ['Aarav', 'Vivaan', 'Arjun', 'Rohan', 'Rahul', 'Amit', 'Vikram', 'Karthik', 'Sanjay', 'Aditya'],
    surnames: ['Sharma', 'Patel', 'Singh', 'Kumar', 'Gupta', 'Reddy', 'Iyer', 'Nair', 'Das', 'Mehta', 'Joshi', 'Rao', 'Chopra', 'Banerjee'],
    emailDomains: ['rediffmail.com', 'yahoo.co.in'],
    localEmailShare: 0.25,
    cities: [['Bengaluru', '560001'], ['Mumbai', '400001'], ['New Delhi', '110001'], ['Chennai', '600001'], ['Hyderabad', '500001'], ['Pune', '411001']],
    streets: ['MG Road', 'Brigade Road', 'Linking Road', 'Anna Salai', 'Park Street', 'Residency Road'],
    addressFormat: 'number-street',
    ipBlocks: [['117.192.0.0', '117.255.255.255'], ['106.192.0.0', '106.223.255.255'], ['122.160.0.0', '122.175.255.255']],
    nationalId: 'in_aadhaar',
  },
  {
    code: 'AT',
    weight: 2.5,
    locales: [['de-AT', 'de']],
    femaleNames: ['Anna', 'Lena', 'Sarah', 'Katharina', 'Julia', 'Magdalena', 'Theresa', 'Elisabeth'],
    maleNames: ['Lukas', 'Tobias', 'David', 'Florian', 'Simon', 'Fabian', 'Dominik', 'Christoph'],
    surnames: ['Gruber', 'Huber', 'Bauer', 'Wagner', 'Pichler', 'Steiner', 'Moser', 'Mayer', 'Hofer', 'Leitner', 'Berger', 'Fuchs'],
    emailDomains: ['gmx.at', 'aon.at', 'chello.at', 'a1.net'],
    localEmailShare: 0.5,
    cities: [['Wien', '1010'], ['Graz', '8010'], ['Linz', '4020'], ['Salzburg', '5020'], ['Innsbruck', '6020']],
    streets: ['Hauptplatz', 'Mariahilfer Straße', 'Landstraße', 'Kirchengasse', 'Bahnhofstraße', 'Schulgasse'],
    addressFormat: 'street-number',
    ipBlocks: [['178.188.0.0', '178.191.255.255'], ['178.112.0.0', '178.115.255.255'], ['85.124.0.0', '85.127.255.255']],
    banks: ['12000', '20111', '32000', '14000', '19043'],
  },
  {
    code: 'IE',
    weight: 2,
    locales: [['en-IE', 'en']],
    femaleNames: ['Aoife', 'Ciara', 'Niamh', 'Sinéad', 'Róisín', 'Emma', 'Sarah', 'Orla'],
    maleNames: ['Seán', 'Conor', 'Cian', 'Darragh', 'Oisín', 'Patrick', 'Eoin', 'Ciarán'],
    surnames: ['Murphy', 'Kelly', "O'Sullivan", 'Walsh', "O'Brien", 'Byrne', 'Ryan', "O'Connor", 'McCarthy', 'Doyle', 'Gallagher', 'Kennedy'],
    emailDomains: ['eircom.net', 'yahoo.ie'],
    localEmailShare: 0.25,
    cities: [['Dublin', 'D02 X285'], ['Cork', 'T12 X70A'], ['Galway', 'H91 E2K3'], ['Limerick', 'V94 T9PX']],
    streets: ['Main Street', "O'Connell Street", 'Church Road', 'Patrick Street', 'Shop Street', 'Grafton Street'],
    addressFormat: 'number-street',
    ipBlocks: [['87.32.0.0', '87.47.255.255']],
    banks: ['AIBK', 'BOFI', 'IPBS', 'ULSB'],
  },
  {
    code: 'SG',
    weight: 1.5,
    locales: [['en-SG', 'en']],
    femaleNames: ['Wei Ling', 'Hui Min', 'Siti', 'Priya', 'Jia Hui', 'Mei Ling', 'Nurul', 'Xin Yi'],
    maleNames: ['Wei Jie', 'Jun Hao', 'Muhammad', 'Ravi', 'Zhi Wei', 'Kai Xiang', 'Hafiz', 'Jian Hong'],
    surnames: ['Tan', 'Lim', 'Lee', 'Ng', 'Ong', 'Wong', 'Goh', 'Chua', 'Koh', 'Teo', 'Rahman', 'Kumar'],
    emailDomains: ['singnet.com.sg', 'yahoo.com.sg'],
    localEmailShare: 0.2,
    cities: [['Singapore', '238823'], ['Singapore', '560123'], ['Singapore', '310145'], ['Singapore', '018956']],
    streets: ['Orchard Road', 'Ang Mo Kio Avenue 3', 'Toa Payoh Lorong 1', 'Marina Boulevard', 'Tampines Street 21'],
    addressFormat: 'number-street',
    ipBlocks: [['116.86.0.0', '116.87.255.255'], ['118.200.0.0', '118.201.255.255']],
    nationalId: 'sg_nric',
  },
  {
    code: 'CN',
    weight: 1.5,
    locales: [['zh-CN', 'en']],
    femaleNames: ['Fang', 'Na', 'Min', 'Jing', 'Yan', 'Xue', 'Ting', 'Xiu Ying'],
    maleNames: ['Wei', 'Qiang', 'Lei', 'Jun', 'Hao', 'Tao', 'Peng', 'Bin'],
    surnames: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Zhao', 'Huang', 'Zhou', 'Wu'],
    familyNameFirst: true,
    emailDomains: ['qq.com', '163.com', '126.com', 'sina.com'],
    localEmailShare: 0.8,
    cities: [['Beijing', '100010'], ['Shanghai', '200030'], ['Shenzhen', '518057'], ['Hangzhou', '310012'], ['Chengdu', '610041']],
    streets: ['Jianguo Road', 'Nanjing Road', 'Shennan Avenue', 'Wensan Road', 'Renmin South Road'],
    addressFormat: 'number-street',
    ipBlocks: [['36.96.0.0', '36.127.255.255'], ['222.16.0.0', '222.31.255.255']],
    nationalId: 'cn_resident_id',
  },
  {
    code: 'BE',
    weight: 1,
    locales: [['nl-BE', 'nl'], ['fr-BE', 'fr']],
    femaleNames: ['Louise', 'Marie', 'Elise', 'Lotte', 'Charlotte', 'Nora', 'Julie', 'Lien'],
    maleNames: ['Arthur', 'Louis', 'Noah', 'Jules', 'Wout', 'Thibault', 'Pieter', 'Maxime'],
    surnames: ['Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Dubois', 'Lambert', 'Dupont', 'Wouters'],
    emailDomains: ['telenet.be', 'skynet.be', 'proximus.be'],
    localEmailShare: 0.4,
    cities: [['Brussel', '1000'], ['Antwerpen', '2000'], ['Gent', '9000'], ['Liège', '4000'], ['Leuven', '3000']],
    streets: ['Kerkstraat', 'Stationsstraat', 'rue de la Loi', 'Meir', 'Veldstraat', 'rue Neuve'],
    addressFormat: 'street-number',
    ipBlocks: [['109.128.0.0', '109.143.255.255'], ['94.104.0.0', '94.111.255.255']],
    banks: ['001', '068', '063', '310', '735'],
  },
  {
    code: 'CH',
    weight: 1,
    locales: [['de-CH', 'de'], ['fr-CH', 'fr']],
    femaleNames: ['Mia', 'Lara', 'Laura', 'Noemi', 'Céline', 'Andrea', 'Nadine', 'Corinne'],
    maleNames: ['Noah', 'Luca', 'Nico', 'Reto', 'Urs', 'Beat', 'Marco', 'Yannick'],
    surnames: ['Müller', 'Meier', 'Schmid', 'Keller', 'Weber', 'Huber', 'Schneider', 'Meyer', 'Steiner', 'Fischer', 'Brunner', 'Baumann'],
    emailDomains: ['bluewin.ch', 'gmx.ch', 'sunrise.ch'],
    localEmailShare: 0.5,
    cities: [['Zürich', '8001'], ['Genève', '1201'], ['Basel', '4051'], ['Bern', '3011'], ['Lausanne', '1003']],
    streets: ['Bahnhofstrasse', 'Dorfstrasse', 'rue du Rhône', 'Marktgasse', 'Seestrasse'],
    addressFormat: 'street-number',
    ipBlocks: [['178.192.0.0', '178.199.255.255'], ['85.0.0.0', '85.7.255.255']],
    banks: ['00762', '00230', '80808', '09000'],
  },
  {
    code: 'SE',
    weight: 0.75,
    locales: [['sv-SE', 'en']],
    femaleNames: ['Alice', 'Maja', 'Elsa', 'Astrid', 'Ebba', 'Linnea', 'Sara', 'Karin'],
    maleNames: ['William', 'Oscar', 'Hugo', 'Erik', 'Lars', 'Anders', 'Johan', 'Gustav'],
    surnames: ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson'],
    emailDomains: ['telia.com', 'bredband.net', 'spray.se'],
    localEmailShare: 0.3,
    cities: [['Stockholm', '111 29'], ['Göteborg', '411 03'], ['Malmö', '211 20'], ['Uppsala', '753 10']],
    streets: ['Storgatan', 'Drottninggatan', 'Kungsgatan', 'Skolgatan', 'Vasagatan'],
    addressFormat: 'street-number',
    ipBlocks: [['95.192.0.0', '95.207.255.255'], ['81.224.0.0', '81.239.255.255']],
    banks: ['500', '800', '300', '600'],
  },
  {
    code: 'PT',
    weight: 0.75,
    locales: [['pt-PT', 'pt']],
    femaleNames: ['Maria', 'Leonor', 'Matilde', 'Beatriz', 'Inês', 'Carolina', 'Mariana', 'Rita'],
    maleNames: ['Francisco', 'Santiago', 'Afonso', 'Tomás', 'Duarte', 'Rodrigo', 'Miguel', 'Tiago'],
    surnames: ['Silva', 'Santos', 'Ferreira', 'Pereira', 'Oliveira', 'Costa', 'Rodrigues', 'Martins', 'Sousa', 'Fernandes'],
    emailDomains: ['sapo.pt', 'clix.pt', 'netcabo.pt'],
    localEmailShare: 0.4,
    cities: [['Lisboa', '1100-148'], ['Porto', '4000-322'], ['Braga', '4700-435'], ['Coimbra', '3000-150']],
    streets: ['Rua Augusta', 'Avenida da Liberdade', 'Rua de Santa Catarina', 'Rua do Carmo', 'Praça do Comércio'],
    addressFormat: 'street-number',
    ipBlocks: [['85.240.0.0', '85.247.255.255'], ['188.80.0.0', '188.83.255.255']],
    banks: ['0035', '0033', '0010', '0007', '0036'],
  },
];

export const GLOBAL_EMAIL_DOMAINS: ReadonlyArray<readonly [string, number]> = [
  ['gmail.com', 60],
  ['outlook.com', 15],
  ['hotmail.com', 8],
  ['yahoo.com', 7],
  ['icloud.com', 8],
  ['proton.me', 2],
];

export function countryByCode(code: string): CountryProfile {
  const found = COUNTRIES.find((c) => c.code === code);
  if (!found) throw new Error(`unknown country ${code}`);
  return found;
}
