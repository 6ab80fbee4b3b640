"""The demo register: a deterministic (seeded) set of members and institutions for trying CPC Desk.

Every name, address and email here is fictitious; email domains are example.org/.com/.net, which
can never reach a real organisation.
"""

import importlib
import random
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.audit import trail as audit
from app.desk import Desk
from app.register.institution_types import read_types
from app.register.recipients import default_language
from app.store.models import REGISTRATION_CLASSES, Institution, InstitutionType, Member, MemberStatus

SEED = 20261125
DEMO_MEMBER_COUNT = 520

# Names that must be in the demo register, whatever the seed: they exercise accents, hyphens,
# length and non-Latin scripts on every screen and on the certificate.
FIXED_MEMBERS: tuple[dict[str, str], ...] = (
    {"first_name": "Hélène", "last_name": "Côté-Gagnon", "cpso_number": "100001"},
    {"first_name": "François", "middle_name": "Étienne", "last_name": "Lévesque", "cpso_number": "100002"},
    {"first_name": "Ingrid", "last_name": "Ødegård", "cpso_number": "100003"},
    {"first_name": "Łukasz", "last_name": "Wróblewski", "cpso_number": "100004"},
    {
        "first_name": "Maximilian",
        "middle_name": "Alexander Konstantin",
        "last_name": "Wolfeschlegelsteinhausen-Bergerdorff-Montgomery-Abernathy",
        "cpso_number": "100005",
    },
    {"first_name": "Νικόλαος", "last_name": "Παπαδόπουλος", "cpso_number": "100006"},
    {"first_name": "Анастасия", "last_name": "Кузнецова", "cpso_number": "100007"},
    {"first_name": "美玲", "last_name": "王", "cpso_number": "100008"},
    {"first_name": "Siobhán", "last_name": "Ní Bhraonáin", "cpso_number": "100009"},
    {"first_name": "José", "middle_name": "María", "last_name": "Núñez de la Peña", "cpso_number": "100010"},
    {"first_name": "Nguyễn", "last_name": "Thị Minh Khai", "cpso_number": "100011"},
    {"first_name": "健太", "last_name": "佐藤", "cpso_number": "100012"},
    {"first_name": "Zoë", "last_name": "O'Sullivan-Brontë", "cpso_number": "100013"},
    {"first_name": "Jean-Sébastien", "last_name": "St-Hilaire-Bélanger", "cpso_number": "100014"},
)

FIRST_NAMES = (
    "Amélie",
    "André",
    "Benoît",
    "Céline",
    "Chloé",
    "Denis",
    "Élise",
    "Émile",
    "Geneviève",
    "Gilles",
    "Isabelle",
    "Jacques",
    "Josée",
    "Julien",
    "Léa",
    "Louis",
    "Manon",
    "Marie-Ève",
    "Mathieu",
    "Noémie",
    "Pierre-Luc",
    "Renée",
    "Sylvie",
    "Thérèse",
    "Yves",
    "Aaron",
    "Abigail",
    "Aisha",
    "Alexander",
    "Amir",
    "Anna",
    "Arjun",
    "Benjamin",
    "Catherine",
    "Chen",
    "Daniel",
    "David",
    "Deepa",
    "Elena",
    "Emily",
    "Fatima",
    "Gabriel",
    "Grace",
    "Hannah",
    "Hiroshi",
    "Ibrahim",
    "Jasmine",
    "Jennifer",
    "John",
    "Kavya",
    "Kwame",
    "Laura",
    "Liam",
    "Mei",
    "Michael",
    "Mohammed",
    "Nadia",
    "Noah",
    "Olivia",
    "Omar",
    "Priya",
    "Rahul",
    "Rebecca",
    "Samuel",
    "Sarah",
    "Sofia",
    "Tariq",
    "Thomas",
    "Wei",
    "William",
    "Yusuf",
    "Zara",
    "Bjørn",
    "Søren",
    "Małgorzata",
    "Dagný",
    "Ñeco",
    "Jürgen",
    "Björk",
    "Çağla",
    "Oğuz",
    "Radmila",
)
MIDDLE_NAMES = (
    "",
    "",
    "",
    "",
    "Anne",
    "Marie",
    "James",
    "Lee",
    "Joseph",
    "Élisabeth",
    "Raj",
    "Grace",
    "Paul",
)
LAST_NAMES = (
    "Tremblay",
    "Gagnon",
    "Roy",
    "Côté",
    "Bouchard",
    "Gauthier",
    "Morin",
    "Lavoie",
    "Fortin",
    "Gagné",
    "Ouellet",
    "Pelletier",
    "Bélanger",
    "Lévesque",
    "Bergeron",
    "Leblanc",
    "Paquette",
    "Girard",
    "Simard",
    "Boucher",
    "Smith",
    "Brown",
    "Wilson",
    "MacDonald",
    "Taylor",
    "Campbell",
    "Anderson",
    "Thompson",
    "Patel",
    "Singh",
    "Sharma",
    "Nguyen",
    "Chen",
    "Wong",
    "Li",
    "Kim",
    "Park",
    "Ahmed",
    "Khan",
    "Ali",
    "Hassan",
    "Rodriguez",
    "García",
    "Martínez",
    "Rossi",
    "Russo",
    "Müller",
    "Schmidt",
    "Kowalski",
    "Nowak",
    "Johansson",
    "Andersen",
    "O'Brien",
    "McAllister",
    "Van der Berg",
    "De Souza",
    "Okafor",
    "Mensah",
    "Mbeki",
    "Haddad",
    "Yılmaz",
    "Papadakis",
    "Ivanova",
    "Sørensen",
    "Żurawski",
    "Dvořák",
    "Côté-Tremblay",
    "Smith-Jones",
    "Lefebvre-Roy",
    "Abdul-Rahman",
)
SPECIALTIES = (
    "Family Medicine",
    "Internal Medicine",
    "Cardiology",
    "General Surgery",
    "Anesthesiology",
    "Pediatrics",
    "Psychiatry",
    "Obstetrics and Gynecology",
    "Emergency Medicine",
    "Diagnostic Radiology",
    "Dermatology",
    "Neurology",
    "Ophthalmology",
    "Orthopedic Surgery",
    "Otolaryngology - Head and Neck Surgery",
    "Anatomical Pathology",
    "Physical Medicine and Rehabilitation",
    "Urology",
    "Nephrology",
    "Gastroenterology",
    "Medical Oncology",
    "Infectious Diseases",
    "Geriatric Medicine",
    "Plastic Surgery",
)
CITIES = (
    ("Toronto", "M5G 1X8"),
    ("Ottawa", "K1Y 4E9"),
    ("Hamilton", "L8N 3Z5"),
    ("London", "N6A 5A5"),
    ("Kingston", "K7L 2V7"),
    ("Sudbury", "P3E 5J1"),
    ("Thunder Bay", "P7B 6V4"),
    ("Windsor", "N9A 1E1"),
    ("Mississauga", "L5B 1B8"),
    ("Barrie", "L4M 6M2"),
    ("Sault Ste. Marie", "P6B 0A8"),
)
STREETS = (
    "Queen Street West",
    "University Avenue",
    "Bay Street",
    "King Street East",
    "Main Street",
    "Rue Principale",
    "Wellington Street",
    "Dundas Street",
    "Yonge Street",
    "Elm Drive",
)

TERMS = (
    "Dr. {last} may practise only under the supervision of a College-approved supervisor until further "
    "order.",
    "Dr. {last} shall not prescribe narcotic or controlled drugs (Order of the Inquiries, Complaints and "
    "Reports Committee).",
    "Practice restricted to academic duties at the sponsoring university; no independent clinical practice.",
    "Dr. {last} must have a practice monitor present for all examinations of female patients.",
)
DISCIPLINE = (
    "Ontario Physicians and Surgeons Discipline Tribunal, {year}: finding of professional misconduct "
    "(failure to maintain the standard of practice). Penalty: reprimand and 3-month suspension, completed.",
    "Discipline Tribunal, {year}: finding of disgraceful, dishonourable or unprofessional conduct; "
    "reprimand; costs paid.",
)
INVESTIGATIONS = (
    "A Registrar's investigation under s. 75(1)(a) of the Health Professions Procedural Code is under way "
    "(opened {year}).",
    "A complaint referred to the Inquiries, Complaints and Reports Committee is pending.",
)


@dataclass(frozen=True)
class DemoInstitution:
    type: str
    name: str
    street1: str
    city: str
    state: str
    country: str
    postal_code: str
    email: str
    attention: str = ""
    street2: str = ""
    verified: bool = True
    language: str = ""  # blank: the default rule (French in Quebec, English elsewhere)


INSTITUTIONS: tuple[DemoInstitution, ...] = (
    DemoInstitution(
        "Hospital",
        "Toronto General Hospital",
        "200 Elizabeth Street",
        "Toronto",
        "ON",
        "CA",
        "M5G 2C4",
        "credentialing@tgh.example.org",
        "Medical Affairs Office",
    ),
    DemoInstitution(
        "Hospital",
        "The Ottawa Hospital – Civic Campus",
        "1053 Carling Avenue",
        "Ottawa",
        "ON",
        "CA",
        "K1Y 4E9",
        "medaffairs@ottawahospital.example.org",
        "Credentialing Coordinator",
    ),
    DemoInstitution(
        "Hospital",
        "Hamilton General Hospital",
        "237 Barton Street East",
        "Hamilton",
        "ON",
        "CA",
        "L8L 2X2",
        "privileges@hhs.example.org",
    ),
    DemoInstitution(
        "Hospital",
        "Kingston Health Sciences Centre",
        "76 Stuart Street",
        "Kingston",
        "ON",
        "CA",
        "K7L 2V7",
        "credentials@khsc.example.org",
    ),
    DemoInstitution(
        "Hospital",
        "Hôpital Montfort",
        "713 chemin Montréal",
        "Ottawa",
        "ON",
        "CA",
        "K1K 0T2",
        "affaires.medicales@montfort.example.org",
        "Bureau des affaires médicales",
        language="fr",
    ),
    DemoInstitution(
        "Hospital",
        "Vancouver General Hospital",
        "899 West 12th Avenue",
        "Vancouver",
        "BC",
        "CA",
        "V5Z 1M9",
        "medstaff@vgh.example.org",
    ),
    DemoInstitution(
        "Hospital",
        "Massachusetts General Hospital",
        "55 Fruit Street",
        "Boston",
        "MA",
        "US",
        "02114",
        "credentialing@mgh.example.org",
        "Medical Staff Office",
    ),
    DemoInstitution(
        "Hospital",
        "Royal Infirmary of Edinburgh",
        "51 Little France Crescent",
        "Edinburgh",
        "Scotland",
        "GB",
        "EH16 4SA",
        "medical.staffing@rie.example.org",
    ),
    DemoInstitution(
        "Health authority or facility",
        "Ontario Health – Toronto Region",
        "525 University Avenue",
        "Toronto",
        "ON",
        "CA",
        "M5G 2L3",
        "credentialing@ontariohealth.example.org",
    ),
    DemoInstitution(
        "Health authority or facility",
        "Alberta Health Services",
        "10101 Southport Road SW",
        "Calgary",
        "AB",
        "CA",
        "T2W 3N2",
        "medicalaffairs@ahs.example.org",
    ),
    DemoInstitution(
        "Health authority or facility",
        "Northern Health Authority",
        "600 Victoria Street",
        "Prince George",
        "BC",
        "CA",
        "V2L 2K3",
        "physician.recruitment@northernhealth.example.org",
    ),
    DemoInstitution(
        "Health authority or facility",
        "Kensington Eye Institute",
        "340 College Street",
        "Toronto",
        "ON",
        "CA",
        "M5T 3A9",
        "admin@kensingtoneye.example.org",
    ),
    DemoInstitution(
        "Medical school or university",
        "University of Toronto, Temerty Faculty of Medicine",
        "1 King's College Circle",
        "Toronto",
        "ON",
        "CA",
        "M5S 1A8",
        "pgme.registration@utoronto.example.org",
        "Postgraduate Medical Education",
    ),
    DemoInstitution(
        "Medical school or university",
        "McMaster University, Michael G. DeGroote School of Medicine",
        "1280 Main Street West",
        "Hamilton",
        "ON",
        "CA",
        "L8S 4K1",
        "pgme@mcmaster.example.org",
    ),
    DemoInstitution(
        "Medical school or university",
        "Université d'Ottawa, Faculté de médecine",
        "451 chemin Smyth",
        "Ottawa",
        "ON",
        "CA",
        "K1H 8M5",
        "medecine@uottawa.example.org",
    ),
    DemoInstitution(
        "Medical school or university",
        "Northern Ontario School of Medicine University",
        "935 Ramsey Lake Road",
        "Sudbury",
        "ON",
        "CA",
        "P3E 2C6",
        "registrar@nosm.example.org",
    ),
    DemoInstitution(
        "Licensing or regulatory authority",
        "College of Physicians and Surgeons of British Columbia",
        "300–669 Howe Street",
        "Vancouver",
        "BC",
        "CA",
        "V6C 0B4",
        "registration@cpsbc.example.org",
    ),
    DemoInstitution(
        "Licensing or regulatory authority",
        "Collège des médecins du Québec",
        "1250, boulevard René-Lévesque Ouest",
        "Montréal",
        "QC",
        "CA",
        "H3B 0G2",
        "admission@cmq.example.org",
        "Direction des études médicales",
    ),
    DemoInstitution(
        "Licensing or regulatory authority",
        "College of Physicians and Surgeons of Alberta",
        "2700 Telus Plaza South Tower, 10020 100 Street NW",
        "Edmonton",
        "AB",
        "CA",
        "T5J 0N3",
        "registration@cpsa.example.org",
    ),
    DemoInstitution(
        "Licensing or regulatory authority",
        "New York State Education Department, Office of the Professions",
        "89 Washington Avenue",
        "Albany",
        "NY",
        "US",
        "12234",
        "medbd@nysed.example.org",
    ),
    DemoInstitution(
        "Licensing or regulatory authority",
        "General Medical Council",
        "3 Hardman Street",
        "Manchester",
        "England",
        "GB",
        "M3 3AW",
        "registration@gmc-uk.example.org",
    ),
    DemoInstitution(
        "Licensing or regulatory authority",
        "Medical Council of Ireland",
        "Kingram House, Kingram Place",
        "Dublin",
        "Dublin",
        "IE",
        "D02 XK31",
        "registration@medicalcouncil.example.org",
    ),
    DemoInstitution(
        "Licensing or regulatory authority",
        "Australian Health Practitioner Regulation Agency",
        "111 Bourke Street",
        "Melbourne",
        "VIC",
        "AU",
        "3000",
        "registration@ahpra.example.org",
    ),
    DemoInstitution(
        "Insurance or liability protection",
        "Canadian Medical Protective Association",
        "875 Carling Avenue",
        "Ottawa",
        "ON",
        "CA",
        "K1S 5P1",
        "membership@cmpa.example.org",
    ),
    DemoInstitution(
        "Insurance or liability protection",
        "Healthcare Insurance Reciprocal of Canada",
        "4711 Yonge Street, Suite 1600",
        "Toronto",
        "ON",
        "CA",
        "M2N 6K8",
        "underwriting@hiroc.example.org",
    ),
    DemoInstitution(
        "Insurance or liability protection",
        "MedPro Liability Group (Demo)",
        "5814 Reed Road",
        "Fort Wayne",
        "IN",
        "US",
        "46835",
        "credentialing@medpro.example.com",
    ),
    DemoInstitution(
        "Employer or locum agency",
        "Northern Locum Partners",
        "101 Cedar Street",
        "Sudbury",
        "ON",
        "CA",
        "P3E 1A2",
        "placements@northernlocums.example.com",
    ),
    DemoInstitution(
        "Employer or locum agency",
        "Maple Telehealth Clinics Inc.",
        "40 King Street West, Suite 500",
        "Toronto",
        "ON",
        "CA",
        "M5H 3Y2",
        "hr@mapletelehealth.example.com",
    ),
    DemoInstitution(
        "Employer or locum agency",
        "Locum Tenens Solutions LLC",
        "1200 Peachtree Street NE",
        "Atlanta",
        "GA",
        "US",
        "30309",
        "credentialing@locumtenens.example.net",
    ),
    DemoInstitution(
        "Government or immigration",
        "Immigration, Refugees and Citizenship Canada – Case Processing Centre",
        "365 Laurier Avenue West",
        "Ottawa",
        "ON",
        "CA",
        "K1A 1L1",
        "cpc-ottawa@ircc.example.org",
    ),
    DemoInstitution(
        "Government or immigration",
        "Ontario Ministry of Health – Physician Services",
        "438 University Avenue",
        "Toronto",
        "ON",
        "CA",
        "M5G 2K8",
        "physicianservices@health.example.org",
    ),
    DemoInstitution(
        "Government or immigration",
        "Department of Health – Western Australia",
        "189 Royal Street",
        "East Perth",
        "WA",
        "AU",
        "6004",
        "medical.workforce@health.wa.example.org",
    ),
    DemoInstitution(
        "Other",
        "Médecins Sans Frontières Canada (Demo)",
        "551 Adelaide Street West",
        "Toronto",
        "ON",
        "CA",
        "M5V 0N8",
        "hr@msf-demo.example.org",
    ),
    DemoInstitution(
        "Other",
        "Charité – Universitätsmedizin Berlin",
        "Charitéplatz 1",
        "Berlin",
        "Berlin",
        "DE",
        "10117",
        "personal@charite.example.org",
        "Personalabteilung",
    ),
)


def _member(rng: random.Random, number: int) -> Member:
    first = rng.choice(FIRST_NAMES)
    last = rng.choice(LAST_NAMES)
    if rng.random() < 0.08:
        last = f"{last}-{rng.choice(LAST_NAMES)}"
    initial = date(1975, 1, 1) + timedelta(days=rng.randrange(0, 365 * 50))
    initial = min(initial, date(2026, 6, 30))
    cls = rng.choices(REGISTRATION_CLASSES, weights=(70, 14, 6, 6, 4))[0]
    status = rng.choices(list(MemberStatus), weights=(88, 2, 1, 4, 2, 3))[0]
    specialties = "; ".join(sorted(rng.sample(SPECIALTIES, rng.choice((1, 1, 1, 2)))))
    city, postal = rng.choice(CITIES)
    return Member(
        cpso_number=str(number),
        first_name=first,
        middle_name=rng.choice(MIDDLE_NAMES),
        last_name=last,
        registration_class=cls,
        status=status,
        initial_registration_date=initial,
        certificate_expiry_date=None if status != MemberStatus.ACTIVE else date(2027, rng.randint(1, 12), 1),
        specialties=specialties,
        terms_conditions="",
        discipline="",
        pending_investigations="",
        practice_address=f"{rng.randint(1, 2400)} {rng.choice(STREETS)}, {city} ON  {postal}",
        email=f"dr.{number}@members.example.org",
        phone=f"+1 416 555 {rng.randint(0, 9999):04d}",
    )


def _with_record(rng: random.Random, member: Member) -> None:
    """Give some members the register entries that route a request to the registrar."""
    roll = rng.random()
    if roll < 0.05:
        member.terms_conditions = rng.choice(TERMS).format(last=member.last_name)
    elif roll < 0.08:
        member.discipline = rng.choice(DISCIPLINE).format(year=rng.randint(2009, 2024))
    elif roll < 0.10:
        member.pending_investigations = rng.choice(INVESTIGATIONS).format(year=rng.randint(2024, 2026))


def demo_members(count: int = DEMO_MEMBER_COUNT, seed: int = SEED) -> list[Member]:
    rng = random.Random(seed)
    members: list[Member] = []
    for i, fixed in enumerate(FIXED_MEMBERS):
        m = _member(rng, 0)
        m.cpso_number = fixed["cpso_number"]
        m.first_name = fixed["first_name"]
        m.middle_name = fixed.get("middle_name", "")
        m.last_name = fixed["last_name"]
        m.status = MemberStatus.ACTIVE
        m.registration_class = "Independent Practice"
        m.certificate_expiry_date = date(2027, 6, 30)
        m.email = f"dr.{m.cpso_number}@members.example.org"
        if i == 1:
            m.terms_conditions = TERMS[1].format(last=m.last_name)
        members.append(m)
    number = 100100
    while len(members) < count:
        number += rng.randint(1, 97)
        m = _member(rng, number)
        _with_record(rng, m)
        members.append(m)
    # Guarantee one of every status the register knows, and each kind of record.
    for status, m in zip(list(MemberStatus)[1:], members[len(FIXED_MEMBERS) :], strict=False):
        m.status = status
        m.certificate_expiry_date = None
    extra = members[len(FIXED_MEMBERS) + 10 :]
    extra[0].terms_conditions = extra[0].terms_conditions or TERMS[0].format(last=extra[0].last_name)
    extra[1].discipline = extra[1].discipline or DISCIPLINE[0].format(year=2019)
    extra[2].pending_investigations = extra[2].pending_investigations or INVESTIGATIONS[0].format(year=2026)
    # Since when a status that is not active holds (the verification page and `verify` show it); derived
    # from the number, so the random sequence above is unchanged.
    for m in members:
        if m.status != MemberStatus.ACTIVE:
            m.status_since = date(2025, 1, 1) + timedelta(days=int(m.cpso_number) % 600)
    return members


def _refresh_search(session: Session, members: list[Member]) -> None:
    """Keep the search index in step, through whatever app.register.members offers for it."""
    try:
        member_service = importlib.import_module("app.register.members")
    except ImportError:  # pragma: no cover - the search module is part of every release
        return
    refresh = getattr(member_service, "refresh_search_name", None)
    if refresh is None:
        return
    for m in members:
        try:
            refresh(m)
        except TypeError:
            refresh(session, m)


def fill(desk: Desk) -> tuple[int, int]:
    """Insert the demo register into an empty database; returns (members, institutions) added."""
    with desk.db.write() as session:
        # The types are the table's (Desk.open seeded them); the demo directory is checked against them.
        known = read_types(session)
        types = {t.name: t for t in session.scalars(select(InstitutionType))}
        for d in INSTITUTIONS:
            session.add(
                Institution(
                    type=types[known.canonical("institution_type", d.type)],
                    name=d.name,
                    attention=d.attention,
                    street1=d.street1,
                    street2=d.street2,
                    city=d.city,
                    state=d.state,
                    country=d.country,
                    postal_code=d.postal_code,
                    email=d.email,
                    verified=d.verified,
                    language=default_language(d.language, d.country, d.state),
                )
            )
        members = demo_members()
        session.add_all(members)
        session.flush()
        _refresh_search(session, members)
        audit.record(
            session,
            "system:demo",  # may run before anyone signs in (the window's --demo)
            "demo.filled",
            after={"members": len(members), "institutions": len(INSTITUTIONS)},
        )
    return len(members), len(INSTITUTIONS)


def is_empty(desk: Desk) -> bool:
    with desk.db.read() as session:
        return not session.scalar(select(func.count()).select_from(Member))


def fill_if_empty(desk: Desk) -> bool:
    if not is_empty(desk):
        return False
    fill(desk)
    return True
