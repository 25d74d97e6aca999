/** English strings. `sv.ts` must have exactly the same keys (the type enforces it). */
const en = {
  app: {
    name: "Mognad",
    hub: "DigIT Hub Sweden",
    tagline: "Digital maturity self-assessment",
    skipToContent: "Skip to content",
  },
  nav: {
    label: "Main navigation",
    home: "Home",
    start: "Start the assessment",
    privacy: "Privacy",
  },
  language: {
    label: "Language",
    sv: "Svenska",
    en: "English",
  },
  landing: {
    title: "How digital is your company?",
    lead: "Mognad is a free self-assessment of your company's digital maturity from DigIT Hub Sweden, the European Digital Innovation Hub for Skåne, Blekinge and Kronoberg.",
    whatTitle: "What it is",
    what: "A questionnaire aligned with the European Commission's Digital Maturity Assessment for SMEs. It covers six areas: digital business strategy, digital readiness, human-centric digitalisation, data management, automation and AI, and green digitalisation.",
    timeTitle: "How long it takes",
    time: "15–25 minutes. Every answer is saved as you go, and a private link lets you continue later, on any device.",
    getTitle: "What you get",
    get: "Your score in each area and overall, your maturity level, how you compare with similar companies, and the hub services that fit your weakest areas, each with the reason.",
    privacyNote:
      "Your answers stay with the hub. You choose whether advisers may see your results and whether your anonymous answers may be used in benchmarks.",
    cta: "Start the assessment",
  },
  privacy: {
    title: "Privacy notice",
    intro:
      "DigIT Hub Sweden uses the information you give in Mognad to show you your results and, if you agree, to help you through its advisers.",
    whatTitle: "What we store",
    what: "Your company's or organisation's name, organisation number, size, sector (for a public sector organisation: its type and areas of government) and county; the name, role and email of the contact person; your answers, scores and the time of your consents.",
    whoTitle: "Who sees it",
    who: "You, through your private link. The hub's advisers assigned to your company, only if you consent to share identifiable results. Hub leads see only aggregated figures; no company is ever named in benchmarks.",
    consentTitle: "Your choices",
    consent:
      "Both consents are optional and separate: sharing identifiable results with advisers, and using your answers anonymously in peer benchmarks. You may withdraw them at any time.",
    rightsTitle: "Your rights",
    rights:
      "You may ask for a copy of your data (export) or for it to be erased. Erasure removes personal data; anonymous scores may be kept for statistics.",
    contact: "Questions: contact DigIT Hub Sweden.",
  },
  profile: {
    title: "About your company",
    intro:
      "Tell us a little about your company. Then you answer the questionnaire; every answer is saved as you go.",
    companyName: "Company name",
    orgNumber: "Organisation number",
    orgNumberHint:
      "Swedish organisationsnummer (NNNNNN-NNNN). Companies outside Sweden: your VAT or company ID.",
    sizeClass: "Number of employees",
    primarySector: "Main sector",
    secondarySector: "Secondary sector (optional)",
    region: "County",
    contactTitle: "Contact person",
    contactName: "Name",
    contactRole: "Role (optional)",
    contactEmail: "Email",
    choose: "Choose…",
    none: "None",
    questionnaireTitle: "The questionnaire",
    questionnaire:
      "You will answer the EU Digital Maturity Assessment for SMEs (about 20 minutes). Manufacturing and industrial companies are then offered a smart industry and sustainability module.",
    consentTitle: "Your consent (optional)",
    consentAdvisers: "Share our identifiable results with the hub's advisers, so they can help us.",
    consentBenchmark: "Use our answers anonymously in peer benchmarks.",
    privacyLink: "Read how we handle your data",
    submit: "Start the questionnaire",
    errorSummary: "Please correct the marked fields.",
    rateLimited:
      "Too many new assessments have been started from your network. Please try again in an hour.",
    errors: {
      required: "Please fill this in.",
      choose: "Please choose one.",
      email: "Please give a valid email address.",
      orgNumber: "This is not a valid Swedish organisation number; check the digits.",
      vatId: "Please give your VAT or company ID (letters and digits).",
      sameSector: "Choose a different sector from the main one, or none.",
      tooLong: "This is too long.",
    },
  },
  questionnaire: {
    linkTitle: "Your private link",
    linkHelp:
      "Keep this link: it brings you back to your answers, on any device. Anyone with the link can see and change them.",
    copy: "Copy link",
    copied: "Copied",
    needsJs:
      "The questionnaire needs JavaScript. Please turn it on, or open the link in another browser.",
    loading: "Loading the questionnaire…",
    loadFailed: "The questionnaire could not be loaded. Check your connection and reload the page.",
    saving: "Saving…",
    saved: "Saved",
    retrying: "Not saved — retrying",
    rejected: "Not saved: {{message}}",
    submitting: "Submitting…",
    submitFailed: "Your answers could not be submitted yet: {{message}}",
    stage: "Stage {{stage}}",
    version: "Version {{version}}",
  },
  results: {
    title: "Your results",
    overall: "Overall score",
    outOf: "of 100",
    level: "Maturity level",
    dimensionsTitle: "Score per area",
    chartsTitle: "Your profile",
    radarTitle: "Scores per area (radar)",
    barTitle: "Scores per area (bars)",
    tableCaption: "Scores per area, 0–100",
    dimension: "Area",
    score: "Score",
    company: "Your company",
    peerMedian: "Peer median",
    peerRange: "Middle half of peers",
    submittedOn: "Submitted {{date}}",
    answersTitle: "Your answers",
    showAnswers: "Show the answers for {{dimension}}",
    nextTitle: "What next",
    followUp: "Start a follow-up assessment ({{stage}})",
    followUpHelp:
      "After working with the hub, assess again to see your progress. You get a new private link.",
    smartIndustry: "Take the smart industry and sustainability module",
    smartIndustryHelp:
      "A deeper look at production, technology, organisation and sustainability for manufacturing and industrial companies.",
    print: "Print or save as PDF",
    backToResults: "Back to the results",
    earlierTitle: "Your assessments",
    notAnswered: "Not answered",
    noneSelected: "None of these",
    disclaimer:
      "The scoring is aligned with the EU Digital Maturity Assessment; it is our documented model, not the official score.",
  },
  peers: {
    title: "Compared with similar companies",
    comparedWith: "Compared with {{group}}: {{count}} companies.",
    notEnough:
      "There are not enough companies to compare with yet. A comparison is shown once at least {{floor}} other companies have taken the assessment and agreed to anonymous benchmarking.",
    privacy:
      "Only companies that agreed to anonymous benchmarking are counted, each with its latest assessment. No company is named and no single company's answers are shown.",
    overallSentence: "Your overall score is higher than {{percentile}} % of {{group}}.",
    dimensionSentence: "Higher than {{percentile}} % of {{group}}.",
    peerStats: "Peers: median {{median}}, middle half {{q1}}–{{q3}}.",
    strengthsTitle: "Your strengths",
    strengths: "Clearly above the peers' median: {{list}}.",
    fallback: {
      size_class:
        "Too few companies in your sector have taken the assessment yet, so you are compared with {{group}}.",
      region:
        "Too few companies in your sector or of your size have taken the assessment yet, so you are compared with {{group}}.",
      all: "Too few companies in your sector, of your size or in your region have taken the assessment yet, so you are compared with {{group}}.",
    },
    group: {
      sector: "companies in {{sector}}",
      region: "companies in {{region}}",
      outsideSweden: "companies outside Sweden",
      all: "all companies",
      size: {
        micro: "micro companies (1–9 employees)",
        small: "small companies (10–49 employees)",
        medium: "medium-sized companies (50–249 employees)",
        large: "large companies (250+ employees)",
      },
    },
  },
  recommendations: {
    title: "Recommended services from the hub",
    intro:
      "Services of DigIT Hub Sweden that match your gaps, the most needed first. EDIH services are free or subsidised for small and medium-sized companies.",
    why: "Why:",
    contact: "Contact",
    readMore: "Read more",
    showMore: "Show {{count}} more recommended services",
    none: "None of the hub's services matches a gap in your answers. Talk to the hub about what comes next.",
    callToAction: "Want help with any of these? Contact DigIT Hub Sweden and mention your results.",
    contactHub: "Contact the hub",
    category: {
      "test-before-invest": "Test before invest",
      training: "Training and skills development",
      investment: "Support to find investment",
      networking: "Networking and access to innovation ecosystems",
    },
    reason: {
      dimension: "Your score for {{dimension}} is {{score}} of 100 ({{band}}).",
      dimensionBelowPeers:
        "Your score for {{dimension}} is {{score}} of 100 ({{band}}), below the median of {{median}} among {{group}}.",
      choiceMissing:
        "You did not select “{{item}}” in the question “{{question}}” ({{dimension}}).",
      choiceSelected: "You selected “{{item}}” in the question “{{question}}” ({{dimension}}).",
      row: "You answered “{{value}}” for “{{row}}” in the question “{{question}}” ({{dimension}}).",
    },
  },
  errors: {
    notFoundTitle: "Page not found",
    notFound: "We could not find that page. Check the address, or start from the home page.",
    serverTitle: "Something went wrong",
    server:
      "An unexpected error occurred on our side. Your saved answers are safe; please try again in a moment.",
    otherTitle: "The request could not be completed",
    backHome: "Go to the home page",
  },
  footer: {
    text: "Mognad — a digital maturity self-assessment by DigIT Hub Sweden, a European Digital Innovation Hub co-funded by the European Union.",
  },
  sizeClass: {
    micro: "Micro (1–9 employees)",
    small: "Small (10–49 employees)",
    medium: "Medium (50–249 employees)",
    large: "Large (250+ employees)",
  },
  sector: {
    "aeronautics-space": "Aeronautics and space",
    "agriculture-food": "Agriculture and food",
    "community-services": "Community, social and personal services",
    construction: "Construction",
    "consumer-goods": "Consumer goods",
    "culture-creative": "Culture and creative industries",
    "defence-security": "Defence and security",
    education: "Education",
    "energy-utilities": "Energy and utilities",
    environment: "Environment",
    "financial-services": "Financial services",
    "life-sciences-healthcare": "Life sciences and healthcare",
    manufacturing: "Manufacturing",
    "maritime-fishery": "Maritime and fishery",
    "mining-quarrying": "Mining and quarrying",
    mobility: "Mobility (incl. automotive)",
    "public-administration": "Public administration",
    "real-estate-business": "Real estate, renting and business activities",
    "professional-scientific": "Professional, scientific and technical activities",
    ict: "Telecommunications, information and communication",
    "tourism-hospitality": "Tourism (incl. restaurants and hospitality)",
    "wholesale-retail": "Wholesale and retail",
    other: "Other",
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
    "outside-sweden": "Outside Sweden",
  },
  /** The reason of a recommendation triggered by a tick grid's cell (a service's cell rule). */
  reasonCell: {
    notTicked:
      "You did not tick “{{column}}” for “{{row}}” in the question “{{question}}” ({{dimension}}).",
    ticked: "You ticked “{{column}}” for “{{row}}” in the question “{{question}}” ({{dimension}}).",
  },
  /** The maturity bands' ranges, on the unrounded score (app/lib/view/band-ranges.ts). */
  bands: {
    title: "The maturity levels",
    first: "{{min}}–{{max}}",
    next: "over {{min}}–{{max}}",
    yours: "your level",
    note: "Levels are set on the exact score; the scores are shown rounded to whole numbers.",
  },
  customerType: {
    title: "Who is taking the assessment?",
    intro:
      "Companies and the public sector answer different versions of the EU Digital Maturity Assessment. Choose the one that fits you.",
    legend: "We answer for",
    sme: "A company",
    smeHint:
      "Small and medium-sized enterprises, and larger firms: the EU Digital Maturity Assessment for SMEs.",
    pso: "A public sector organisation",
    psoHint:
      "Municipalities (kommuner), regions and government agencies: the EU Digital Maturity Assessment for the public sector, with interoperability as an area of its own.",
    continue: "Continue",
    answeringAs: "Answering for: {{type}}.",
    change: "Change",
    unknown: "That link did not say who is answering. Please choose below.",
  },
  organisationType: {
    national: "National authority (statlig myndighet)",
    regional: "Regional authority (region)",
    municipal: "Municipality (kommun)",
    other: "Other public sector organisation",
  },
  governmentArea: {
    "general-public-services": "General public services",
    defence: "Defence",
    "public-order-safety": "Public order and safety",
    "economic-affairs": "Economic affairs",
    "environmental-protection": "Environmental protection",
    "housing-community": "Housing and community amenities",
    health: "Health",
    "recreation-culture-religion": "Recreation, culture and religion",
    education: "Education",
    "social-protection": "Social protection",
    other: "Other",
  },
  /** A public sector organisation's wording, where it differs (see customerWording). */
  pso: {
    landing: {
      title: "A public sector organisation?",
      text: "Municipalities, regions and government agencies take the EU's Digital Maturity Assessment for the public sector: the same six areas, with interoperability in place of automation and AI, compared only with other public sector organisations.",
      cta: "Start the assessment for the public sector",
    },
    profile: {
      title: "About your organisation",
      intro:
        "Tell us a little about your organisation. Then you answer the questionnaire; every answer is saved as you go.",
      organisationName: "Name of the organisation",
      orgNumberHint:
        "Swedish organisationsnummer (NNNNNN-NNNN). Organisations outside Sweden: your VAT or other identification number.",
      organisationType: "Type of organisation",
      sizeClass: "Number of staff",
      primaryArea: "Main area of government",
      secondaryArea: "Second area of government (optional)",
      areaHint:
        "The government areas follow the UN's classification of the functions of government (COFOG).",
      questionnaire:
        "You will answer the EU Digital Maturity Assessment for public sector organisations (about 25 minutes): digital strategy and investments, digital readiness, human-centric digitalisation, data management and security, interoperability, and green digitalisation.",
      consentBenchmark:
        "Use our answers anonymously in benchmarks with other public sector organisations.",
      errors: {
        psoSizeClass: "Choose Small (0–49), Medium (50–249) or Large (250 or more).",
        sameArea: "Choose a different area from the main one, or none.",
        notForPso: "Public sector organisations give a government area, not a sector of activity.",
      },
    },
    sizeClass: {
      small: "Small (0–49 staff)",
      medium: "Medium (50–249 staff)",
      large: "Large (250 or more staff)",
    },
    results: {
      company: "Your organisation",
    },
    peers: {
      title: "Compared with similar organisations",
      comparedWith: "Compared with {{group}}: {{count}} organisations.",
      notEnough:
        "There are not enough public sector organisations to compare with yet. A comparison is shown once at least {{floor}} others have taken the assessment and agreed to anonymous benchmarking.",
      privacy:
        "Only public sector organisations that agreed to anonymous benchmarking are counted, each with its latest assessment; companies are never among them. No organisation is named and no single organisation's answers are shown.",
      fallback: {
        government_area:
          "Too few organisations of your type have taken the assessment yet, so you are compared with {{group}}.",
        size_class:
          "Too few organisations of your type or in your area of government have taken the assessment yet, so you are compared with {{group}}.",
        region:
          "Too few organisations of your type, in your area of government or of your size have taken the assessment yet, so you are compared with {{group}}.",
        all: "Too few organisations of your type, in your area of government, of your size or in your county have taken the assessment yet, so you are compared with {{group}}.",
      },
      group: {
        organisationType: {
          national: "national authorities",
          regional: "regional authorities",
          municipal: "municipalities",
          other: "other public sector organisations",
        },
        governmentArea: "public sector organisations in {{area}}",
        region: "public sector organisations in {{region}}",
        outsideSweden: "public sector organisations outside Sweden",
        all: "all public sector organisations",
        size: {
          small: "small public sector organisations (0–49 staff)",
          medium: "medium-sized public sector organisations (50–249 staff)",
          large: "large public sector organisations (250+ staff)",
        },
      },
    },
    recommendations: {
      intro:
        "Services of DigIT Hub Sweden that match your gaps, the most needed first. The hub serves public sector organisations as well as companies.",
    },
  },
};

export default en;
export type Translations = typeof en;
