import type { Translations } from "./en";

/** Svenska. Samma nycklar som `en.ts` (typen kräver det). */
const sv: Translations = {
  app: {
    name: "Mognad",
    hub: "DigIT Hub Sweden",
    tagline: "Självskattning av digital mognad",
    skipToContent: "Hoppa till innehållet",
  },
  nav: {
    label: "Huvudmeny",
    home: "Start",
    start: "Gör självskattningen",
    privacy: "Integritet",
  },
  language: {
    label: "Språk",
    sv: "Svenska",
    en: "English",
  },
  landing: {
    title: "Hur digitalt är ert företag?",
    lead: "Mognad är en kostnadsfri självskattning av ert företags digitala mognad från DigIT Hub Sweden, den europeiska digitala innovationshubben för Skåne, Blekinge och Kronoberg.",
    whatTitle: "Vad det är",
    what: "Ett frågeformulär i linje med Europeiska kommissionens mätning av digital mognad för små och medelstora företag. Det täcker sex områden: digital affärsstrategi, digital beredskap, människocentrerad digitalisering, datahantering, automation och AI samt grön digitalisering.",
    timeTitle: "Hur lång tid det tar",
    time: "15–25 minuter. Varje svar sparas medan ni fyller i, och en privat länk låter er fortsätta senare, på vilken enhet som helst.",
    getTitle: "Vad ni får",
    get: "Ert resultat inom varje område och totalt, er mognadsnivå, hur ni står er mot liknande företag och vilka av hubbens tjänster som passar era svagaste områden, med motivering.",
    privacyNote:
      "Era svar stannar hos hubben. Ni väljer själva om rådgivare får se ert resultat och om era anonyma svar får användas i jämförelser.",
    cta: "Starta självskattningen",
  },
  privacy: {
    title: "Integritetsmeddelande",
    intro:
      "DigIT Hub Sweden använder uppgifterna ni lämnar i Mognad för att visa ert resultat och, om ni samtycker, för att hjälpa er genom sina rådgivare.",
    whatTitle: "Vad vi sparar",
    what: "Företagets eller organisationens namn, organisationsnummer, storlek, bransch (för en offentlig organisation: typ och verksamhetsområden) och län; kontaktpersonens namn, roll och e-post; era svar, resultat och tidpunkten för era samtycken.",
    whoTitle: "Vem som ser det",
    who: "Ni själva, via er privata länk. Hubbens rådgivare som är kopplade till ert företag, bara om ni samtycker till att dela identifierbara resultat. Hubbens ledning ser bara sammanställda siffror; inget företag namnges någonsin i jämförelser.",
    consentTitle: "Era val",
    consent:
      "Båda samtyckena är frivilliga och separata: att dela identifierbara resultat med rådgivare, och att använda era svar anonymt i jämförelser med andra företag. Ni kan när som helst återkalla dem.",
    rightsTitle: "Era rättigheter",
    rights:
      "Ni kan begära en kopia av era uppgifter (export) eller att de raderas. Radering tar bort personuppgifter; anonyma resultat kan sparas för statistik.",
    contact: "Frågor: kontakta DigIT Hub Sweden.",
  },
  profile: {
    title: "Om ert företag",
    intro:
      "Berätta lite om ert företag. Sedan svarar ni på frågorna; varje svar sparas medan ni fyller i.",
    companyName: "Företagets namn",
    orgNumber: "Organisationsnummer",
    orgNumberHint:
      "Svenskt organisationsnummer (NNNNNN-NNNN). Företag utanför Sverige: momsregistreringsnummer eller motsvarande.",
    sizeClass: "Antal anställda",
    primarySector: "Huvudbransch",
    secondarySector: "Annan bransch (valfritt)",
    region: "Län",
    contactTitle: "Kontaktperson",
    contactName: "Namn",
    contactRole: "Roll (valfritt)",
    contactEmail: "E-post",
    choose: "Välj…",
    none: "Ingen",
    questionnaireTitle: "Frågeformuläret",
    questionnaire:
      "Ni svarar på EU:s mätning av digital mognad för små och medelstora företag (cirka 20 minuter). Tillverkande och industriella företag erbjuds sedan en fördjupning om smart och hållbar industri.",
    consentTitle: "Ert samtycke (valfritt)",
    consentAdvisers:
      "Dela vårt identifierbara resultat med hubbens rådgivare, så att de kan hjälpa oss.",
    consentBenchmark: "Använd våra svar anonymt i jämförelser med andra företag.",
    privacyLink: "Läs hur vi hanterar era uppgifter",
    submit: "Börja svara",
    errorSummary: "Rätta de markerade fälten.",
    rateLimited:
      "För många nya självskattningar har startats från ert nätverk. Försök igen om en timme.",
    errors: {
      required: "Fyll i detta.",
      choose: "Välj ett alternativ.",
      email: "Ange en giltig e-postadress.",
      orgNumber: "Det här är inte ett giltigt svenskt organisationsnummer; kontrollera siffrorna.",
      vatId: "Ange momsregistreringsnummer eller motsvarande (bokstäver och siffror).",
      sameSector: "Välj en annan bransch än huvudbranschen, eller ingen.",
      tooLong: "Det här är för långt.",
    },
  },
  questionnaire: {
    linkTitle: "Er privata länk",
    linkHelp:
      "Spara länken: den tar er tillbaka till era svar, på vilken enhet som helst. Den som har länken kan se och ändra svaren.",
    copy: "Kopiera länken",
    copied: "Kopierad",
    needsJs:
      "Frågeformuläret behöver JavaScript. Slå på det eller öppna länken i en annan webbläsare.",
    loading: "Laddar frågeformuläret…",
    loadFailed: "Frågeformuläret kunde inte laddas. Kontrollera anslutningen och ladda om sidan.",
    saving: "Sparar…",
    saved: "Sparat",
    retrying: "Inte sparat — försöker igen",
    rejected: "Inte sparat: {{message}}",
    submitting: "Skickar in…",
    submitFailed: "Svaren kunde inte skickas in ännu: {{message}}",
    stage: "Mättillfälle {{stage}}",
    version: "Version {{version}}",
  },
  results: {
    title: "Ert resultat",
    overall: "Totalt resultat",
    outOf: "av 100",
    level: "Mognadsnivå",
    dimensionsTitle: "Resultat per område",
    chartsTitle: "Er profil",
    radarTitle: "Resultat per område (radar)",
    barTitle: "Resultat per område (staplar)",
    tableCaption: "Resultat per område, 0–100",
    dimension: "Område",
    score: "Resultat",
    company: "Ert företag",
    peerMedian: "Median för jämförbara",
    peerRange: "Mittersta hälften av jämförbara",
    submittedOn: "Inskickad {{date}}",
    answersTitle: "Era svar",
    showAnswers: "Visa svaren för {{dimension}}",
    nextTitle: "Nästa steg",
    followUp: "Starta en uppföljande mätning ({{stage}})",
    followUpHelp:
      "Mät igen efter arbetet med hubben för att se er utveckling. Ni får en ny privat länk.",
    smartIndustry: "Gör fördjupningen om smart och hållbar industri",
    smartIndustryHelp:
      "En djupare genomgång av produktion, teknik, organisation och hållbarhet för tillverkande och industriella företag.",
    print: "Skriv ut eller spara som PDF",
    backToResults: "Tillbaka till resultatet",
    earlierTitle: "Era mätningar",
    notAnswered: "Inte besvarad",
    noneSelected: "Inget av dessa",
    disclaimer:
      "Poängsättningen är i linje med EU:s mätning av digital mognad; den är vår dokumenterade modell, inte det officiella resultatet.",
  },
  peers: {
    title: "Jämfört med liknande företag",
    comparedWith: "Jämfört med {{group}}: {{count}} företag.",
    notEnough:
      "Det finns ännu inte tillräckligt många företag att jämföra med. En jämförelse visas när minst {{floor}} andra företag har gjort bedömningen och gått med på anonym jämförelse.",
    privacy:
      "Bara företag som har gått med på anonym jämförelse räknas, var och en med sin senaste bedömning. Inget företag namnges och inga enskilda företags svar visas.",
    overallSentence: "Ert totala resultat är högre än {{percentile}} % av {{group}}.",
    dimensionSentence: "Högre än {{percentile}} % av {{group}}.",
    peerStats: "Jämförelsegruppen: median {{median}}, mittersta hälften {{q1}}–{{q3}}.",
    strengthsTitle: "Era styrkor",
    strengths: "Tydligt över jämförelsegruppens median: {{list}}.",
    fallback: {
      size_class:
        "För få företag i er bransch har gjort bedömningen ännu, så ni jämförs med {{group}}.",
      region:
        "För få företag i er bransch eller av er storlek har gjort bedömningen ännu, så ni jämförs med {{group}}.",
      all: "För få företag i er bransch, av er storlek eller i ert län har gjort bedömningen ännu, så ni jämförs med {{group}}.",
    },
    group: {
      sector: "företag inom {{sector}}",
      region: "företag i {{region}}",
      outsideSweden: "företag utanför Sverige",
      all: "alla företag",
      size: {
        micro: "mikroföretag (1–9 anställda)",
        small: "små företag (10–49 anställda)",
        medium: "medelstora företag (50–249 anställda)",
        large: "stora företag (250+ anställda)",
      },
    },
  },
  recommendations: {
    title: "Rekommenderade tjänster från hubben",
    intro:
      "Tjänster från DigIT Hub Sweden som passar era luckor, de viktigaste först. EDIH-tjänster är kostnadsfria eller subventionerade för små och medelstora företag.",
    why: "Varför:",
    contact: "Kontakt",
    readMore: "Läs mer",
    showMore: "Visa {{count}} fler rekommenderade tjänster",
    none: "Ingen av hubbens tjänster matchar en lucka i era svar. Prata med hubben om nästa steg.",
    callToAction:
      "Vill ni ha hjälp med något av detta? Kontakta DigIT Hub Sweden och berätta om ert resultat.",
    contactHub: "Kontakta hubben",
    category: {
      "test-before-invest": "Testa innan investering",
      training: "Utbildning och kompetensutveckling",
      investment: "Stöd att hitta finansiering",
      networking: "Nätverk och tillgång till innovationsekosystem",
    },
    reason: {
      dimension: "Ert resultat för {{dimension}} är {{score}} av 100 ({{band}}).",
      dimensionBelowPeers:
        "Ert resultat för {{dimension}} är {{score}} av 100 ({{band}}), under medianen {{median}} bland {{group}}.",
      choiceMissing: "Ni valde inte ”{{item}}” i frågan ”{{question}}” ({{dimension}}).",
      choiceSelected: "Ni valde ”{{item}}” i frågan ”{{question}}” ({{dimension}}).",
      row: "Ni svarade ”{{value}}” för ”{{row}}” i frågan ”{{question}}” ({{dimension}}).",
    },
  },
  errors: {
    notFoundTitle: "Sidan finns inte",
    notFound: "Vi hittade inte den sidan. Kontrollera adressen eller börja från startsidan.",
    serverTitle: "Något gick fel",
    server:
      "Ett oväntat fel uppstod hos oss. Era sparade svar är i säkerhet; försök igen om en stund.",
    otherTitle: "Begäran kunde inte genomföras",
    backHome: "Till startsidan",
  },
  footer: {
    text: "Mognad — självskattning av digital mognad från DigIT Hub Sweden, en europeisk digital innovationshubb medfinansierad av Europeiska unionen.",
  },
  sizeClass: {
    micro: "Mikro (1–9 anställda)",
    small: "Litet (10–49 anställda)",
    medium: "Medelstort (50–249 anställda)",
    large: "Stort (250+ anställda)",
  },
  sector: {
    "aeronautics-space": "Flyg och rymd",
    "agriculture-food": "Jordbruk och livsmedel",
    "community-services": "Samhälleliga, sociala och personliga tjänster",
    construction: "Bygg",
    "consumer-goods": "Konsumentvaror",
    "culture-creative": "Kultur och kreativa näringar",
    "defence-security": "Försvar och säkerhet",
    education: "Utbildning",
    "energy-utilities": "Energi och försörjning",
    environment: "Miljö",
    "financial-services": "Finansiella tjänster",
    "life-sciences-healthcare": "Life science och hälso- och sjukvård",
    manufacturing: "Tillverkning",
    "maritime-fishery": "Sjöfart och fiske",
    "mining-quarrying": "Gruvdrift och utvinning",
    mobility: "Mobilitet (inkl. fordonsindustri)",
    "public-administration": "Offentlig förvaltning",
    "real-estate-business": "Fastigheter, uthyrning och företagstjänster",
    "professional-scientific": "Juridik, ekonomi, vetenskap och teknik",
    ict: "Telekom, information och kommunikation",
    "tourism-hospitality": "Turism (inkl. restaurang och hotell)",
    "wholesale-retail": "Parti- och detaljhandel",
    other: "Annat",
  },
  region: {
    skane: "Skåne",
    blekinge: "Blekinge",
    kronoberg: "Kronoberg",
    stockholm: "Stockholm",
    uppsala: "Uppsala",
    sodermanland: "Södermanland",
    ostergotland: "Östergötland",
    jonkoping: "Jönköping",
    kalmar: "Kalmar",
    gotland: "Gotland",
    halland: "Halland",
    "vastra-gotaland": "Västra Götaland",
    varmland: "Värmland",
    orebro: "Örebro",
    vastmanland: "Västmanland",
    dalarna: "Dalarna",
    gavleborg: "Gävleborg",
    vasternorrland: "Västernorrland",
    jamtland: "Jämtland",
    vasterbotten: "Västerbotten",
    norrbotten: "Norrbotten",
    "outside-sweden": "Utanför Sverige",
  },
  /** Skälet till en rekommendation som en ruta i ett kryssrutenät utlöste (en tjänsts cellregel). */
  reasonCell: {
    notTicked:
      "Ni kryssade inte i ”{{column}}” för ”{{row}}” i frågan ”{{question}}” ({{dimension}}).",
    ticked: "Ni kryssade i ”{{column}}” för ”{{row}}” i frågan ”{{question}}” ({{dimension}}).",
  },
  /** Mognadsnivåernas intervall, på det oavrundade resultatet (app/lib/view/band-ranges.ts). */
  bands: {
    title: "Mognadsnivåerna",
    first: "{{min}}–{{max}}",
    next: "över {{min}}–{{max}}",
    yours: "er nivå",
    note: "Nivån bestäms av det exakta resultatet; resultaten visas avrundade till heltal.",
  },
  customerType: {
    title: "Vem gör bedömningen?",
    intro:
      "Företag och offentlig sektor svarar på olika versioner av EU:s mätning av digital mognad. Välj den som passar er.",
    legend: "Vi svarar för",
    sme: "Ett företag",
    smeHint:
      "Små och medelstora företag, och större företag: EU:s mätning av digital mognad för små och medelstora företag.",
    pso: "En offentlig organisation",
    psoHint:
      "Kommuner, regioner och statliga myndigheter: EU:s mätning av digital mognad för offentlig sektor, med interoperabilitet som ett eget område.",
    continue: "Fortsätt",
    answeringAs: "Ni svarar för: {{type}}.",
    change: "Ändra",
    unknown: "Länken angav inte vem som svarar. Välj nedan.",
  },
  organisationType: {
    national: "Statlig myndighet",
    regional: "Region",
    municipal: "Kommun",
    other: "Annan offentlig organisation",
  },
  governmentArea: {
    "general-public-services": "Allmän offentlig förvaltning",
    defence: "Försvar",
    "public-order-safety": "Samhällsskydd och rättskipning",
    "economic-affairs": "Näringslivsfrågor",
    "environmental-protection": "Miljöskydd",
    "housing-community": "Bostadsförsörjning och samhällsutveckling",
    health: "Hälso- och sjukvård",
    "recreation-culture-religion": "Fritid, kultur och religion",
    education: "Utbildning",
    "social-protection": "Socialt skydd",
    other: "Annat",
  },
  /** En offentlig organisations formuleringar, där de skiljer sig (se customerWording). */
  pso: {
    landing: {
      title: "En offentlig organisation?",
      text: "Kommuner, regioner och statliga myndigheter gör EU:s mätning av digital mognad för offentlig sektor: samma sex områden, med interoperabilitet i stället för automation och AI, och jämförs bara med andra offentliga organisationer.",
      cta: "Starta självskattningen för offentlig sektor",
    },
    profile: {
      title: "Om er organisation",
      intro:
        "Berätta lite om er organisation. Sedan svarar ni på frågorna; varje svar sparas medan ni fyller i.",
      organisationName: "Organisationens namn",
      orgNumberHint:
        "Svenskt organisationsnummer (NNNNNN-NNNN). Organisationer utanför Sverige: momsregistreringsnummer eller annat identifikationsnummer.",
      organisationType: "Typ av organisation",
      sizeClass: "Antal anställda",
      primaryArea: "Huvudsakligt verksamhetsområde",
      secondaryArea: "Ytterligare verksamhetsområde (valfritt)",
      areaHint:
        "Verksamhetsområdena följer FN:s indelning av den offentliga sektorns funktioner (COFOG).",
      questionnaire:
        "Ni svarar på EU:s mätning av digital mognad för offentliga organisationer (cirka 25 minuter): digital strategi och investeringar, digital beredskap, människocentrerad digitalisering, datahantering och datasäkerhet, interoperabilitet samt grön digitalisering.",
      consentBenchmark:
        "Använd våra svar anonymt i jämförelser med andra offentliga organisationer.",
      errors: {
        psoSizeClass: "Välj Liten (0–49), Medelstor (50–249) eller Stor (250 eller fler).",
        sameArea: "Välj ett annat område än huvudområdet, eller inget.",
        notForPso: "Offentliga organisationer anger verksamhetsområde, inte bransch.",
      },
    },
    sizeClass: {
      small: "Liten (0–49 anställda)",
      medium: "Medelstor (50–249 anställda)",
      large: "Stor (250 eller fler anställda)",
    },
    results: {
      company: "Er organisation",
    },
    peers: {
      title: "Jämfört med liknande organisationer",
      comparedWith: "Jämfört med {{group}}: {{count}} organisationer.",
      notEnough:
        "Det finns ännu inte tillräckligt många offentliga organisationer att jämföra med. En jämförelse visas när minst {{floor}} andra har gjort bedömningen och gått med på anonym jämförelse.",
      privacy:
        "Bara offentliga organisationer som har gått med på anonym jämförelse räknas, var och en med sin senaste bedömning; företag ingår aldrig. Ingen organisation namnges och inga enskilda organisationers svar visas.",
      fallback: {
        government_area:
          "För få organisationer av er typ har gjort bedömningen ännu, så ni jämförs med {{group}}.",
        size_class:
          "För få organisationer av er typ eller inom ert verksamhetsområde har gjort bedömningen ännu, så ni jämförs med {{group}}.",
        region:
          "För få organisationer av er typ, inom ert verksamhetsområde eller av er storlek har gjort bedömningen ännu, så ni jämförs med {{group}}.",
        all: "För få organisationer av er typ, inom ert verksamhetsområde, av er storlek eller i ert län har gjort bedömningen ännu, så ni jämförs med {{group}}.",
      },
      group: {
        organisationType: {
          national: "statliga myndigheter",
          regional: "regioner",
          municipal: "kommuner",
          other: "andra offentliga organisationer",
        },
        governmentArea: "offentliga organisationer inom {{area}}",
        region: "offentliga organisationer i {{region}}",
        outsideSweden: "offentliga organisationer utanför Sverige",
        all: "alla offentliga organisationer",
        size: {
          small: "små offentliga organisationer (0–49 anställda)",
          medium: "medelstora offentliga organisationer (50–249 anställda)",
          large: "stora offentliga organisationer (250+ anställda)",
        },
      },
    },
    recommendations: {
      intro:
        "Tjänster från DigIT Hub Sweden som passar era luckor, de viktigaste först. Hubben finns till för offentliga organisationer lika väl som för företag.",
    },
  },
  hub: {
    shell: {
      area: "Personal",
      signedInAs: "Inloggad som",
      signOut: "Logga ut",
    },
    nav: {
      label: "Personalens navigering",
      home: "Översikt",
      assignments: "Tilldelning",
      staff: "Personal",
      audit: "Händelselogg",
      account: "Mitt konto",
    },
    role: {
      adviser: "Rådgivare",
      hub_lead: "Hubbansvarig",
    },
    band: {
      basic: "Grundläggande",
      average: "Medel",
      moderately_advanced: "Måttligt avancerad",
      advanced: "Avancerad",
    },
    errorPage: {
      forbiddenTitle: "Inte tillåtet",
      forbidden: "Din roll tillåter inte detta. Fråga en hubbansvarig om du behöver det.",
      notFoundTitle: "Hittades inte",
      notFound: "Här finns ingenting, eller ingenting som du får se.",
      serverTitle: "Något gick fel",
      server: "Sidan kunde inte visas. Försök igen om en stund.",
      back: "Tillbaka till översikten",
    },
    login: {
      title: "Inloggning för personal",
      intro:
        "För hubbens rådgivare och hubbansvariga. Företag som gör självskattningen behöver inget konto.",
      email: "E-post",
      password: "Lösenord",
      submit: "Logga in",
      signingIn: "Loggar in…",
      missing: "Ange din e-postadress och ditt lösenord.",
      invalid: "Fel e-postadress eller lösenord.",
      disabled: "Kontot är avstängt. Be en hubbansvarig att aktivera det igen.",
      throttled:
        "För många misslyckade inloggningar. Av säkerhetsskäl: försök igen om {{minutes}} minuter.",
      forgot: "Glömt lösenordet?",
      forgotAskLead: "Glömt lösenordet? Be en hubbansvarig om en länk för att byta det.",
      demoTitle: "Demokonton",
      demoIntro:
        "Den här installationen har demodata. Logga in med något av kontona för att prova personalens sidor:",
      demoPassword: "Lösenord för alla demokonton:",
    },
    home: {
      title: "Översikt",
      welcome: "Välkommen, {{name}}",
      yourCompanies: "Dina företag ({{count}})",
      yourCompaniesCaption: "Företagen som tilldelats dig",
      noCompanies:
        "Inga företag har tilldelats dig ännu. En hubbansvarig tilldelar företag som har gått med på att dela sitt resultat med rådgivare.",
      hubTitle: "Hubben i korthet",
      advisers: "Aktiva rådgivare",
      hubLeads: "Aktiva hubbansvariga",
      companies: "Företag",
      unassigned: "Samtyckande företag utan rådgivare",
      toAssignments: "Tilldela rådgivare företag",
      toStaff: "Hantera personal och bjud in rådgivare",
      toAudit: "Läs händelseloggen",
    },
    companies: {
      name: "Företag",
      orgNumber: "Organisationsnummer",
      region: "Region",
      sector: "Bransch",
      score: "Senaste resultat",
      noScore: "Inte inskickad",
      actions: "Rådgivare",
    },
    company: {
      profile: "Profil",
      contact: "Kontaktperson",
      consentAdvisers: "Delar resultat med rådgivare sedan",
      consentBenchmark: "Med i anonyma jämförelser sedan",
      no: "Nej",
      advisers: "Rådgivare",
      noAdvisers: "Ingen tilldelad",
      assessments: "Självskattningar",
      noAssessments: "Ingen självskattning ännu.",
      stage: "Steg",
      questionnaire: "Frågeformulär",
      status: "Status",
      started: "Påbörjad",
      submitted: "Inskickad",
      statuses: {
        in_progress: "Pågår",
        submitted: "Inskickad",
      },
    },
    mail: {
      inviteSubject: "Ditt personalkonto hos {{hub}}",
      inviteBody:
        "Hej {{name}}!\n\nDu har bjudits in till personalens sidor i Mognad, {{hub}}s självskattning av digital mognad. Välj ditt lösenord här (länken fungerar en gång, i {{hours}} timmar):\n\n{{url}}\n\nOm du inte väntade dig det här mejlet kan du bortse från det.",
      resetSubject: "Byt ditt lösenord hos {{hub}}",
      resetBody:
        "Hej {{name}}!\n\nNågon har bett om att byta lösenordet till ditt personalkonto hos {{hub}}. Välj ett nytt här (länken fungerar en gång, i {{hours}} timmar):\n\n{{url}}\n\nOm det inte var du kan du bortse från mejlet: ditt lösenord förblir detsamma.",
    },
  },
};

export default sv;
