import type { SpecialLexicon } from './types.ts';

export const pl: SpecialLexicon = {
  language: 'pl',
  firstPerson: ['jestem', 'mam', 'moja', 'mój', 'moje', 'mojego', 'mojej', 'mnie', 'mi', 'choruję', 'cierpię', 'biorę', 'leczę', 'byłem', 'byłam', 'należę', 'głosowałem', 'głosowałam', 'głosuję', 'zostałem', 'zostałam', 'my', 'nasz', 'nasza'],
  thirdPerson: ['ona', 'jego', 'jej'],
  questionCues: ['co to jest', 'czym jest', 'wyjaśnij', 'definicja', 'jak działa', 'historia', 'wikipedia', 'artykuł', 'statystyki', 'ogólnie'],
  terms: {
    health: ['cukrzyc*', 'rak', 'raka', 'nowotw*', 'guz', 'chemioterapi*', 'hiv', 'aids', 'depresj*', 'lęk*', 'choroba afektywna', 'schizofreni*', 'adhd', 'autyzm*', 'astm*', 'padaczk*', 'epilepsj*', 'w ciąży', 'ciąża', 'ciąży', 'poronienie', 'aborcj*', 'demencj*', 'alzheimer*', 'parkinson*', 'zdiagnozowan*', 'diagnoz*', 'mój terapeuta', 'moja terapeutka', 'antydepresant*', 'insulin*', 'anoreksj*', 'bulimi*', 'samobój*', 'niepełnospraw*', 'wózek inwalidzki', 'leki', 'uzależni*', 'alkoholi*', 'zwolnienie lekarskie', 'choruj*', 'zawał*', 'udar*', 'w szpitalu', 'hospitalizowan*', 'stwardnienie rozsiane', 'stwardnienia rozsianego', 'stwardnieniem rozsianym', 'migren*', 'nadciśnieni*', 'depresyjn*', 'psychiatr*', 'niepłodn*', 'interferon*', 'metformin*', 'sertralin*', 'cukrzyk*'],
    religion: ['muzułman*', 'islam', 'chrześcija*', 'katoli*', 'protestan*', 'żyd', 'żydówka', 'żydowsk*', 'judaizm', 'hinduis*', 'buddyst*', 'ateist*', 'ateistk*', 'świadek jehowy', 'świadkowie jehowy', 'ramadan', 'meczet', 'synagog*', 'moja wiara', 'moja religia', 'świadkiem jehowy', 'świadka jehowy', 'jehow*', 'katoliczk*', 'prawosław*', 'ewangeli*', 'muzułmank*', 'koran*', 'ochrzczon*', '~wierząc*', '~modl*'],
    sex_life: ['gej', 'gejem', 'lesbijk*', 'biseksual*', 'homoseksual*', 'queer', 'transpłciow*', 'niebinarn*', 'coming out', 'mój chłopak', 'moja dziewczyna', 'życie seksualne', 'orientacja seksualna', 'orientacji seksualnej', 'kobietą trans', 'mężczyzną trans', 'osobą trans', '~trans', 'gejów', 'tożsamość płciowa', 'tożsamości płciowej', 'wyoutowa*'],
    political: ['głosowałem', 'głosowałam', 'głosuję na', 'pis', 'platforma obywatelska', 'konfederacj*', 'członek partii', 'członkiem partii', 'poglądy polityczne', 'komunist*', 'socjalist*', 'prawo i sprawiedliwość', 'koalicja obywatelska', '~lewica', '~lewicy', '~psl', 'polska 2050', 'członkini partii'],
    ethnic_origin: ['pochodzenie etniczne', 'pochodzenia etnicznego', 'romów', 'romem', 'romką', 'mniejszość etniczna', 'narodowość', 'kurd*', 'romami', 'romsk*', 'cygan*', 'łemk*', 'kaszub*', 'ślązak*', 'ślązaczk*'],
    trade_union: ['związek zawodowy', 'związku zawodowego', 'związkowiec', 'związkowcem', 'solidarność', 'opzz', 'należę do związku'],
    genetic: ['badanie genetyczne', 'badania genetyczne', 'test dna', 'genetyczn*', 'choroba dziedziczna', 'brca*', 'genom'],
    biometric: ['odcisk palca', 'odciski palców', 'rozpoznawanie twarzy', 'biometr*'],
    criminal: ['aresztowan*', 'zatrzyman*', 'skazan*', 'karany', 'karana', 'niekaralności', 'więzieni*', 'wyrok', 'w zawieszeniu', 'przestępstw*', 'kartoteka', 'skazanie', 'karan*', '~zarzut*', 'areszt*'],
  },
  children: {
    possessives: ['mój', 'moja', 'moje', 'mojego', 'mojej', 'nasz', 'nasza', 'nasze'],
    kin: ['syn', 'syna', 'synek', 'córka', 'córkę', 'córeczka', 'dziecko', 'dzieci', 'chłopiec', 'dziewczynka', 'wnuk', 'wnuczka'],
    selfAge: ['mam', 'jestem'],
    ageUnits: ['lat', 'lata', 'latka', 'miesięcy'],
    notAge: ['doświadczenia', 'stażu', 'pracy'],
  },
};
