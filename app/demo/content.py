"""Demo content for a fresh Question Bank: pure data, loaded by ``app.demo.seed``.

Everything here is fictional but written to read like the real thing: the organisations, people
and their questions are invented; the public statistical series in ``DATASETS`` are real UK series
described accurately (with no links, since the demo names no external hosts), and members' own
datasets are invented descriptions of the kinds of data such organisations hold.

Shapes (the keys are a contract with ``app.demo.seed`` and the matching benchmark):

- ``ORGANISATIONS``: key, name, sector, region, website, description.
- ``USERS``: email, name, org (an organisation key), role.
- ``QUESTIONS``: text, action, action_type, themes, geography, population_groups, org, author,
  show_org, status, family, supporters. ``family`` names the underlying question an item is a
  version of; each family is asked by at least three organisations in their own words, and it is
  the ground truth for clustering quality checks.
- ``DATASETS``: title, description, holder, contact, themes, geography, granularity, time_span,
  update_frequency, format, access_level, licence, url, keywords, families. ``families`` lists the
  question families the dataset could genuinely help answer: the ground truth for matching.
- ``PLEDGES``, ``PARTNERSHIPS`` and ``WORKSHOPS`` refer to a family by slug, meaning the first
  question of that family in ``QUESTIONS``.

Keep this module plain data with no logic.
"""

from __future__ import annotations

ORGANISATIONS = [
    {
        "key": "tynefood",
        "name": "Tyne and Wear Food Bank Network",
        "sector": "charity",
        "region": "North East",
        "website": "https://tynefood.example.org",
        "description": (
            "A network of 23 independent food banks across Newcastle, Gateshead, Sunderland "
            "and North and South Tyneside that pools referral data and campaigns on the causes "
            "of food need."
        ),
    },
    {
        "key": "valleysadvice",
        "name": "Valleys Advice Cymru",
        "sector": "charity",
        "region": "Wales",
        "website": "https://valleysadvice.example.org",
        "description": (
            "An independent advice charity giving free benefits, debt and housing advice in "
            "Welsh and English from nine offices across the South Wales valleys and Cardiff."
        ),
    },
    {
        "key": "clydecentre",
        "name": "Clydeside Centre for Poverty Research",
        "sector": "academic",
        "region": "Scotland",
        "website": "https://clydecentre.example.org",
        "description": (
            "A university research centre in Glasgow studying low-income households, social "
            "security and place, with a long-running qualitative panel of families."
        ),
    },
    {
        "key": "fenlanduni",
        "name": "Fenland University Household Finances Group",
        "sector": "academic",
        "region": "East of England",
        "website": "https://fenlanduni.example.org",
        "description": (
            "An economics and social policy research group analysing UK household surveys on "
            "debt, credit, caring, health and living standards."
        ),
    },
    {
        "key": "merseyca",
        "name": "Mersey Estuary Combined Authority Policy Unit",
        "sector": "government",
        "region": "North West",
        "website": "https://merseyca.example.org",
        "description": (
            "The policy and research team of a six-borough combined authority, covering "
            "transport, skills, housing and the inclusive economy strategy."
        ),
    },
    {
        "key": "humbericb",
        "name": "Humber and Wolds ICB Population Health Team",
        "sector": "public-service",
        "region": "Yorkshire and the Humber",
        "website": "https://humbericb.example.org",
        "description": (
            "The population health management team of an NHS integrated care board, using "
            "linked GP, hospital and council data to tackle health inequalities."
        ),
    },
    {
        "key": "northstar",
        "name": "Northstar Homes",
        "sector": "other",
        "region": "West Midlands",
        "website": "https://northstar.example.org",
        "description": (
            "A housing association with around 14,000 social and affordable homes in "
            "Birmingham, Sandwell and Wolverhampton and an in-house tenancy sustainment team."
        ),
    },
    {
        "key": "severncf",
        "name": "Severn Vale Community Foundation",
        "sector": "funder",
        "region": "South West",
        "website": "https://severncf.example.org",
        "description": (
            "A community foundation making around 600 grants a year to grassroots groups in "
            "Bristol, Gloucestershire and South Gloucestershire."
        ),
    },
    {
        "key": "hartwell",
        "name": "The Hartwell Trust",
        "sector": "funder",
        "region": "UK-wide",
        "website": "https://hartwell.example.org",
        "description": (
            "An independent grant-making trust funding research, advice and campaigning to "
            "reduce poverty across the UK."
        ),
    },
    {
        "key": "kernow",
        "name": "Kernow Rural Action",
        "sector": "charity",
        "region": "South West",
        "website": "https://kernow.example.org",
        "description": (
            "A rural community action charity in Cornwall with outreach advisers, a volunteer "
            "car scheme and support for village halls, farming families and coastal towns."
        ),
    },
    {
        "key": "elmr",
        "name": "East London Migrant Rights Centre",
        "sector": "charity",
        "region": "London",
        "website": "https://elmr.example.org",
        "description": (
            "A legal advice and casework charity in Tower Hamlets supporting migrants, "
            "refugees and people seeking asylum, including families with no recourse to public "
            "funds."
        ),
    },
    {
        "key": "dpt",
        "name": "Disabled People Together",
        "sector": "charity",
        "region": "England",
        "website": "https://dpt.example.org",
        "description": (
            "A national organisation run and controlled by disabled people, doing research, "
            "peer support and campaigning on social security and the extra costs of disability."
        ),
    },
    {
        "key": "warmhomes",
        "name": "Warm Homes Alliance",
        "sector": "charity",
        "region": "UK-wide",
        "website": "https://warmhomes.example.org",
        "description": (
            "A fuel poverty charity running a national energy advice line, home visits and "
            "policy work on keeping homes warm and bills affordable."
        ),
    },
    {
        "key": "ukss",
        "name": "UK Social Statistics Service",
        "sector": "government",
        "region": "UK-wide",
        "website": "https://ukss.example.org",
        "description": (
            "A public body that publishes and curates official statistics on income, poverty, "
            "work and public services, and helps users apply them locally."
        ),
    },
    {
        "key": "bradford",
        "name": "Bradford Council Insight Team",
        "sector": "government",
        "region": "Yorkshire and the Humber",
        "website": "https://bradford.example.org",
        "description": (
            "The research and intelligence team of a metropolitan district council, supporting "
            "the anti-poverty strategy, revenues and benefits, and children's services."
        ),
    },
    {
        "key": "pennine",
        "name": "Pennine Learning Trust",
        "sector": "public-service",
        "region": "North West",
        "website": "https://pennine.example.org",
        "description": (
            "A multi-academy trust of eleven primary and four secondary schools in Oldham and "
            "Rochdale, with a family support team working with low-income families."
        ),
    },
    {
        "key": "lagan",
        "name": "Lagan Money Advice",
        "sector": "charity",
        "region": "Northern Ireland",
        "website": "https://lagan.example.org",
        "description": (
            "A free, independent debt advice charity based in Belfast, offering face-to-face, "
            "phone and webchat advice across Northern Ireland."
        ),
    },
    {
        "key": "everyday",
        "name": "Everyday Economy Institute",
        "sector": "other",
        "region": "London",
        "website": "https://everyday.example.org",
        "description": (
            "An independent think tank researching household finances, work and living "
            "standards, which runs a quarterly household finances tracker."
        ),
    },
    {
        "key": "questionbank",
        "name": "Question Bank Stewardship Group",
        "sector": "other",
        "region": "UK-wide",
        "website": "https://questionbank.example.org",
        "description": (
            "The member-elected group that hosts, moderates and looks after the Question Bank "
            "on behalf of its members."
        ),
    },
]


USERS = [
    {
        "email": "sarah.robson@tynefood.example.org",
        "name": "Sarah Robson",
        "org": "tynefood",
        "role": "member",
    },
    {
        "email": "dave.charlton@tynefood.example.org",
        "name": "Dave Charlton",
        "org": "tynefood",
        "role": "member",
    },
    {
        "email": "rhian.morgan@valleysadvice.example.org",
        "name": "Rhian Morgan",
        "org": "valleysadvice",
        "role": "member",
    },
    {
        "email": "gareth.pugh@valleysadvice.example.org",
        "name": "Gareth Pugh",
        "org": "valleysadvice",
        "role": "member",
    },
    {
        "email": "fiona.mcleod@clydecentre.example.org",
        "name": "Dr Fiona McLeod",
        "org": "clydecentre",
        "role": "facilitator",
    },
    {
        "email": "aamir.hussain@clydecentre.example.org",
        "name": "Aamir Hussain",
        "org": "clydecentre",
        "role": "member",
    },
    {
        "email": "morag.campbell@clydecentre.example.org",
        "name": "Prof Morag Campbell",
        "org": "clydecentre",
        "role": "member",
    },
    {
        "email": "tom.ashby@fenlanduni.example.org",
        "name": "Dr Tom Ashby",
        "org": "fenlanduni",
        "role": "member",
    },
    {
        "email": "grace.okonkwo@fenlanduni.example.org",
        "name": "Dr Grace Okonkwo",
        "org": "fenlanduni",
        "role": "member",
    },
    {
        "email": "joanne.byrne@merseyca.example.org",
        "name": "Joanne Byrne",
        "org": "merseyca",
        "role": "facilitator",
    },
    {
        "email": "kwame.asante@merseyca.example.org",
        "name": "Kwame Asante",
        "org": "merseyca",
        "role": "member",
    },
    {
        "email": "priya.nair@humbericb.example.org",
        "name": "Dr Priya Nair",
        "org": "humbericb",
        "role": "member",
    },
    {
        "email": "steve.marshall@humbericb.example.org",
        "name": "Steve Marshall",
        "org": "humbericb",
        "role": "member",
    },
    {
        "email": "helen.whitfield@northstar.example.org",
        "name": "Helen Whitfield",
        "org": "northstar",
        "role": "member",
    },
    {
        "email": "marcus.reid@northstar.example.org",
        "name": "Marcus Reid",
        "org": "northstar",
        "role": "member",
    },
    {
        "email": "mark.ellery@severncf.example.org",
        "name": "Mark Ellery",
        "org": "severncf",
        "role": "facilitator",
    },
    {
        "email": "anna.price@severncf.example.org",
        "name": "Anna Price",
        "org": "severncf",
        "role": "member",
    },
    {
        "email": "olivia.grant@hartwell.example.org",
        "name": "Olivia Grant",
        "org": "hartwell",
        "role": "member",
    },
    {
        "email": "jenna.trewin@kernow.example.org",
        "name": "Jenna Trewin",
        "org": "kernow",
        "role": "member",
    },
    {
        "email": "pete.hocking@kernow.example.org",
        "name": "Pete Hocking",
        "org": "kernow",
        "role": "member",
    },
    {
        "email": "amina.yusuf@elmr.example.org",
        "name": "Amina Yusuf",
        "org": "elmr",
        "role": "member",
    },
    {
        "email": "tomasz.nowak@elmr.example.org",
        "name": "Tomasz Nowak",
        "org": "elmr",
        "role": "member",
    },
    {
        "email": "claire.hollis@dpt.example.org",
        "name": "Claire Hollis",
        "org": "dpt",
        "role": "member",
    },
    {"email": "sam.oduya@dpt.example.org", "name": "Sam Oduya", "org": "dpt", "role": "member"},
    {
        "email": "ben.taylor@warmhomes.example.org",
        "name": "Ben Taylor",
        "org": "warmhomes",
        "role": "member",
    },
    {
        "email": "ruth.okafor@warmhomes.example.org",
        "name": "Ruth Okafor",
        "org": "warmhomes",
        "role": "member",
    },
    {
        "email": "neil.fraser@ukss.example.org",
        "name": "Neil Fraser",
        "org": "ukss",
        "role": "member",
    },
    {
        "email": "sunita.patel@ukss.example.org",
        "name": "Sunita Patel",
        "org": "ukss",
        "role": "member",
    },
    {
        "email": "imran.akhtar@bradford.example.org",
        "name": "Imran Akhtar",
        "org": "bradford",
        "role": "member",
    },
    {
        "email": "kate.holmes@bradford.example.org",
        "name": "Kate Holmes",
        "org": "bradford",
        "role": "member",
    },
    {
        "email": "james.whittaker@pennine.example.org",
        "name": "James Whittaker",
        "org": "pennine",
        "role": "member",
    },
    {
        "email": "leanne.ogden@pennine.example.org",
        "name": "Leanne Ogden",
        "org": "pennine",
        "role": "member",
    },
    {
        "email": "siobhan.mcgrath@lagan.example.org",
        "name": "Siobhan McGrath",
        "org": "lagan",
        "role": "member",
    },
    {
        "email": "conor.doherty@lagan.example.org",
        "name": "Conor Doherty",
        "org": "lagan",
        "role": "member",
    },
    {
        "email": "hannah.levy@everyday.example.org",
        "name": "Hannah Levy",
        "org": "everyday",
        "role": "member",
    },
    {
        "email": "admin@questionbank.example.org",
        "name": "Question Bank admin",
        "org": "questionbank",
        "role": "admin",
    },
]


QUESTIONS = [
    # --- uc-wait-foodbank
    {
        "text": (
            "How many of the families we refer to food banks are waiting on their first "
            "Universal Credit payment?"
        ),
        "action": (
            "Show our local MPs and the Jobcentre how much food bank demand is caused by the "
            "five-week wait."
        ),
        "action_type": "influence-policy",
        "themes": ["food", "income-benefits"],
        "geography": "Newcastle upon Tyne",
        "population_groups": ["families with children", "new Universal Credit claimants"],
        "org": "tynefood",
        "author": "sarah.robson@tynefood.example.org",
        "show_org": True,
        "status": "prioritised",
        "family": "uc-wait-foodbank",
        "supporters": [
            "conor.doherty@lagan.example.org",
            "gareth.pugh@valleysadvice.example.org",
            "fiona.mcleod@clydecentre.example.org",
            "olivia.grant@hartwell.example.org",
        ],
    },
    {
        "text": (
            "How many clients who come to us soon after a new Universal Credit claim have "
            "already used a food bank or borrowed to get through the wait, and does taking an "
            "advance make things better or worse?"
        ),
        "action": (
            "Decide whether to run new-claimant budgeting sessions with the Jobcentre, "
            "including advice on advances."
        ),
        "action_type": "design-service",
        "themes": ["food", "income-benefits", "debt"],
        "geography": "Northern Ireland",
        "population_groups": ["new Universal Credit claimants"],
        "org": "lagan",
        "author": "conor.doherty@lagan.example.org",
        "show_org": False,
        "status": "prioritised",
        "family": "uc-wait-foodbank",
        "supporters": [
            "aamir.hussain@clydecentre.example.org",
            "dave.charlton@tynefood.example.org",
            "gareth.pugh@valleysadvice.example.org",
            "hannah.levy@everyday.example.org",
            "kate.holmes@bradford.example.org",
        ],
    },
    {
        "text": (
            "What share of food bank use in Scotland can be attributed to the wait for a first "
            "Universal Credit payment, compared with sanctions, deductions and other benefit "
            "delays?"
        ),
        "action": (
            "Give the Scottish Government evidence for non-repayable grants at the start of a "
            "claim."
        ),
        "action_type": "influence-policy",
        "themes": ["food", "income-benefits"],
        "geography": "Scotland",
        "population_groups": [],
        "org": "clydecentre",
        "author": "aamir.hussain@clydecentre.example.org",
        "show_org": True,
        "status": "prioritised",
        "family": "uc-wait-foodbank",
        "supporters": [
            "hannah.levy@everyday.example.org",
            "imran.akhtar@bradford.example.org",
            "siobhan.mcgrath@lagan.example.org",
            "gareth.pugh@valleysadvice.example.org",
        ],
    },
    {
        "text": (
            "Do clients who take out a Universal Credit advance end up needing food parcels a "
            "few months later because the repayments cut their income?"
        ),
        "action": (
            "Change the advice we give new claimants about whether to take an advance, and how "
            "much."
        ),
        "action_type": "design-service",
        "themes": ["food", "income-benefits"],
        "geography": "Wales",
        "population_groups": ["new Universal Credit claimants"],
        "org": "valleysadvice",
        "author": "rhian.morgan@valleysadvice.example.org",
        "show_org": True,
        "status": "open",
        "family": "uc-wait-foodbank",
        "supporters": [
            "kate.holmes@bradford.example.org",
            "hannah.levy@everyday.example.org",
        ],
    },
    {
        "text": (
            "If new Universal Credit claimants received a non-repayable starter payment "
            "instead of a loan, how much would emergency food demand fall?"
        ),
        "action": (
            "Decide whether to fund a randomised pilot of starter payments with a local "
            "authority partner."
        ),
        "action_type": "fund-commission",
        "themes": ["food", "income-benefits"],
        "geography": "UK-wide",
        "population_groups": [],
        "org": "hartwell",
        "author": "olivia.grant@hartwell.example.org",
        "show_org": True,
        "status": "prioritised",
        "family": "uc-wait-foodbank",
        "supporters": [
            "joanne.byrne@merseyca.example.org",
            "imran.akhtar@bradford.example.org",
            "fiona.mcleod@clydecentre.example.org",
            "mark.ellery@severncf.example.org",
        ],
    },
    {
        "text": (
            "How many households applying to our local welfare scheme for food are in the "
            "first month of a Universal Credit claim?"
        ),
        "action": (
            "Target our discretionary support fund at the first weeks of a claim and agree a "
            "fast-track route with the Jobcentre."
        ),
        "action_type": "target-resources",
        "themes": ["food", "income-benefits"],
        "geography": "Bradford",
        "population_groups": ["new Universal Credit claimants"],
        "org": "bradford",
        "author": "kate.holmes@bradford.example.org",
        "show_org": False,
        "status": "prioritised",
        "family": "uc-wait-foodbank",
        "supporters": [
            "aamir.hussain@clydecentre.example.org",
            "olivia.grant@hartwell.example.org",
        ],
    },
    {
        "text": (
            "Once verification delays are counted, how long does the gap between losing a job "
            "and receiving the first Universal Credit payment really last?"
        ),
        "action": (
            "Make the case to the Department for Work and Pensions to shorten the first "
            "assessment period for people leaving work."
        ),
        "action_type": "campaign",
        "themes": ["food", "income-benefits"],
        "geography": "UK-wide",
        "population_groups": ["people leaving work"],
        "org": "everyday",
        "author": "hannah.levy@everyday.example.org",
        "show_org": True,
        "status": "open",
        "family": "uc-wait-foodbank",
        "supporters": [
            "kate.holmes@bradford.example.org",
            "siobhan.mcgrath@lagan.example.org",
            "olivia.grant@hartwell.example.org",
        ],
    },
    # --- foodbank-repeat-use
    {
        "text": (
            "Which households come back to our food banks three or more times in a year, and "
            "what is going on in their lives that the first referral did not resolve?"
        ),
        "action": (
            "Redesign our referral process so that a third visit automatically triggers a full "
            "benefits and debt check."
        ),
        "action_type": "design-service",
        "themes": ["food"],
        "geography": "Newcastle upon Tyne",
        "population_groups": [],
        "org": "tynefood",
        "author": "dave.charlton@tynefood.example.org",
        "show_org": True,
        "status": "open",
        "family": "foodbank-repeat-use",
        "supporters": [
            "marcus.reid@northstar.example.org",
            "fiona.mcleod@clydecentre.example.org",
            "steve.marshall@humbericb.example.org",
        ],
    },
    {
        "text": (
            "Do food banks with an advice worker on site see fewer repeat visits than those "
            "that only hand out food?"
        ),
        "action": (
            "Decide whether our next food grants round should require, or pay for, on-site advice."
        ),
        "action_type": "fund-commission",
        "themes": ["food"],
        "geography": "South West",
        "population_groups": [],
        "org": "severncf",
        "author": "anna.price@severncf.example.org",
        "show_org": True,
        "status": "open",
        "family": "foodbank-repeat-use",
        "supporters": [
            "ruth.okafor@warmhomes.example.org",
            "kate.holmes@bradford.example.org",
        ],
    },
    {
        "text": (
            "What distinguishes people who use emergency food aid once from those who rely on "
            "it repeatedly over several years?"
        ),
        "action": (
            "Show Glasgow's cash-first food plan which groups need longer-term income support "
            "rather than crisis help."
        ),
        "action_type": "influence-policy",
        "themes": ["food"],
        "geography": "Glasgow City",
        "population_groups": [],
        "org": "clydecentre",
        "author": "morag.campbell@clydecentre.example.org",
        "show_org": True,
        "status": "open",
        "family": "foodbank-repeat-use",
        "supporters": ["mark.ellery@severncf.example.org"],
    },
    {
        "text": (
            "How many of our tenants use food banks regularly, and is that linked to rent "
            "arrears or deductions from their benefits?"
        ),
        "action": (
            "Target our tenancy sustainment team at tenants who rely on food aid before "
            "arrears build up."
        ),
        "action_type": "target-resources",
        "themes": ["food", "housing"],
        "geography": "Birmingham",
        "population_groups": ["social housing tenants"],
        "org": "northstar",
        "author": "marcus.reid@northstar.example.org",
        "show_org": True,
        "status": "open",
        "family": "foodbank-repeat-use",
        "supporters": [
            "morag.campbell@clydecentre.example.org",
            "sarah.robson@tynefood.example.org",
            "sam.oduya@dpt.example.org",
        ],
    },
    {
        "text": (
            "Why are disabled people a growing share of those who rely on food banks again and "
            "again?"
        ),
        "action": (
            "Campaign for a review of whether disability benefits cover essential costs, using "
            "evidence on repeat food bank use."
        ),
        "action_type": "campaign",
        "themes": ["food", "disability"],
        "geography": "England",
        "population_groups": ["disabled people"],
        "org": "dpt",
        "author": "claire.hollis@dpt.example.org",
        "show_org": False,
        "status": "open",
        "family": "foodbank-repeat-use",
        "supporters": [
            "aamir.hussain@clydecentre.example.org",
            "anna.price@severncf.example.org",
        ],
    },
    # --- holiday-hunger
    {
        "text": (
            "How many of our pupils go without regular meals during the school holidays, and "
            "which families miss out on holiday club places?"
        ),
        "action": (
            "Plan next summer's holiday activities and food places so they reach the families "
            "who need them most."
        ),
        "action_type": "design-service",
        "themes": ["food", "child-poverty"],
        "geography": "Oldham",
        "population_groups": ["families with children"],
        "org": "pennine",
        "author": "leanne.ogden@pennine.example.org",
        "show_org": True,
        "status": "prioritised",
        "family": "holiday-hunger",
        "supporters": [
            "jenna.trewin@kernow.example.org",
            "dave.charlton@tynefood.example.org",
            "hannah.levy@everyday.example.org",
            "sam.oduya@dpt.example.org",
        ],
    },
    {
        "text": (
            "Do food bank referrals for families with children spike in the summer holidays, "
            "and by how much compared with term time?"
        ),
        "action": (
            "Make the case to the council to fund holiday food vouchers rather than leaving "
            "families to rely on food banks."
        ),
        "action_type": "influence-policy",
        "themes": ["food", "child-poverty"],
        "geography": "Gateshead",
        "population_groups": ["families with children"],
        "org": "tynefood",
        "author": "sarah.robson@tynefood.example.org",
        "show_org": True,
        "status": "open",
        "family": "holiday-hunger",
        "supporters": [
            "steve.marshall@humbericb.example.org",
            "kwame.asante@merseyca.example.org",
            "pete.hocking@kernow.example.org",
            "sunita.patel@ukss.example.org",
        ],
    },
    {
        "text": (
            "Is the holiday activities and food programme reaching children on free school "
            "meals in the wards with the highest need?"
        ),
        "action": ("Re-target holiday programme funding towards under-served wards in Bradford."),
        "action_type": "target-resources",
        "themes": ["food", "child-poverty"],
        "geography": "Bradford",
        "population_groups": ["children eligible for free school meals"],
        "org": "bradford",
        "author": "imran.akhtar@bradford.example.org",
        "show_org": True,
        "status": "open",
        "family": "holiday-hunger",
        "supporters": ["neil.fraser@ukss.example.org"],
    },
    {
        "text": (
            "What effect do holiday food and activity schemes have on children's diet, "
            "wellbeing and readiness to learn when they return to school?"
        ),
        "action": (
            "Provide an independent evaluation that councils can use when deciding whether to "
            "keep funding holiday programmes."
        ),
        "action_type": "evaluate-impact",
        "themes": ["food", "child-poverty"],
        "geography": "England",
        "population_groups": ["children eligible for free school meals"],
        "org": "fenlanduni",
        "author": "grace.okonkwo@fenlanduni.example.org",
        "show_org": True,
        "status": "open",
        "family": "holiday-hunger",
        "supporters": [
            "jenna.trewin@kernow.example.org",
            "priya.nair@humbericb.example.org",
        ],
    },
    {
        "text": (
            "How do families in villages with no holiday club within reach feed their children "
            "over the long summer break?"
        ),
        "action": ("Design a mobile holiday food and activity offer for villages without a club."),
        "action_type": "design-service",
        "themes": ["food", "child-poverty", "rural"],
        "geography": "Cornwall",
        "population_groups": ["rural families"],
        "org": "kernow",
        "author": "pete.hocking@kernow.example.org",
        "show_org": True,
        "status": "open",
        "family": "holiday-hunger",
        "supporters": [
            "gareth.pugh@valleysadvice.example.org",
            "tom.ashby@fenlanduni.example.org",
            "james.whittaker@pennine.example.org",
        ],
    },
    # --- fsm-auto-enrolment
    {
        "text": (
            "How many children in Bradford are entitled to free school meals but not "
            "registered, and how much pupil premium do our schools lose as a result?"
        ),
        "action": (
            "Make the case for automatic enrolment using council benefits data, with an "
            "estimate of the funding schools would gain."
        ),
        "action_type": "influence-policy",
        "themes": ["child-poverty", "education", "food"],
        "geography": "Bradford",
        "population_groups": ["children eligible for free school meals"],
        "org": "bradford",
        "author": "kate.holmes@bradford.example.org",
        "show_org": True,
        "status": "being-answered",
        "family": "fsm-auto-enrolment",
        "supporters": [
            "leanne.ogden@pennine.example.org",
            "gareth.pugh@valleysadvice.example.org",
            "joanne.byrne@merseyca.example.org",
            "sunita.patel@ukss.example.org",
        ],
    },
    {
        "text": (
            "If we auto-enrolled pupils using housing benefit and council tax support records, "
            "how many extra children would we pick up across the trust?"
        ),
        "action": (
            "Decide whether to sign a data sharing agreement with the council so pupils are "
            "auto-enrolled from September."
        ),
        "action_type": "design-service",
        "themes": ["child-poverty", "education", "food"],
        "geography": "Oldham",
        "population_groups": ["children eligible for free school meals"],
        "org": "pennine",
        "author": "james.whittaker@pennine.example.org",
        "show_org": True,
        "status": "being-answered",
        "family": "fsm-auto-enrolment",
        "supporters": [
            "gareth.pugh@valleysadvice.example.org",
            "kwame.asante@merseyca.example.org",
            "imran.akhtar@bradford.example.org",
        ],
    },
    {
        "text": (
            "What stops eligible parents applying for free school meals: stigma, the form "
            "itself, or not knowing they qualify?"
        ),
        "action": (
            "Advise Scottish councils on how to design their application and automatic "
            "enrolment processes."
        ),
        "action_type": "understand-need",
        "themes": ["child-poverty", "education", "food"],
        "geography": "Scotland",
        "population_groups": ["parents on low incomes"],
        "org": "clydecentre",
        "author": "morag.campbell@clydecentre.example.org",
        "show_org": True,
        "status": "open",
        "family": "fsm-auto-enrolment",
        "supporters": [
            "joanne.byrne@merseyca.example.org",
            "leanne.ogden@pennine.example.org",
        ],
    },
    {
        "text": (
            "Now that every primary pupil in Wales gets free meals, are families of secondary "
            "pupils missing out on the wider help that comes with eligibility, such as the "
            "School Essentials Grant?"
        ),
        "action": (
            "Target our benefit checks at families whose children are moving up to secondary "
            "school."
        ),
        "action_type": "target-resources",
        "themes": ["child-poverty", "education", "food"],
        "geography": "Wales",
        "population_groups": ["families with secondary school children"],
        "org": "valleysadvice",
        "author": "rhian.morgan@valleysadvice.example.org",
        "show_org": True,
        "status": "open",
        "family": "fsm-auto-enrolment",
        "supporters": ["sarah.robson@tynefood.example.org"],
    },
    {
        "text": (
            "Which councils in our area already register children for free school meals "
            "automatically, and what happened to take-up and school funding afterwards?"
        ),
        "action": (
            "Decide whether the combined authority should fund one shared auto-enrolment "
            "service for all six boroughs."
        ),
        "action_type": "fund-commission",
        "themes": ["child-poverty", "education", "food"],
        "geography": "North West",
        "population_groups": [],
        "org": "merseyca",
        "author": "kwame.asante@merseyca.example.org",
        "show_org": True,
        "status": "being-answered",
        "family": "fsm-auto-enrolment",
        "supporters": [
            "kate.holmes@bradford.example.org",
            "sunita.patel@ukss.example.org",
        ],
    },
    {
        "text": (
            "How large is the national gap between pupils who are eligible for free school "
            "meals and those recorded as eligible in the school census?"
        ),
        "action": (
            "Improve how the published free school meals statistics explain under-registration."
        ),
        "action_type": "understand-need",
        "themes": ["child-poverty", "education", "food"],
        "geography": "England",
        "population_groups": [],
        "org": "ukss",
        "author": "neil.fraser@ukss.example.org",
        "show_org": True,
        "status": "being-answered",
        "family": "fsm-auto-enrolment",
        "supporters": [
            "leanne.ogden@pennine.example.org",
            "kate.holmes@bradford.example.org",
            "morag.campbell@clydecentre.example.org",
            "ruth.okafor@warmhomes.example.org",
        ],
    },
    # --- food-insecurity-local
    {
        "text": (
            "What proportion of adults in Hull are food insecure, and how does it vary from "
            "one neighbourhood to the next?"
        ),
        "action": (
            "Target our community health programmes and dietetic support at the neighbourhoods "
            "with the most food insecurity."
        ),
        "action_type": "target-resources",
        "themes": ["food", "health"],
        "geography": "Kingston upon Hull",
        "population_groups": [],
        "org": "humbericb",
        "author": "steve.marshall@humbericb.example.org",
        "show_org": True,
        "status": "open",
        "family": "food-insecurity-local",
        "supporters": ["aamir.hussain@clydecentre.example.org"],
    },
    {
        "text": (
            "Is there a reliable way to estimate food insecurity ward by ward without running "
            "our own survey?"
        ),
        "action": (
            "Decide where to focus our community food grants across Bristol and Gloucestershire."
        ),
        "action_type": "target-resources",
        "themes": ["food"],
        "geography": "Bristol",
        "population_groups": [],
        "org": "severncf",
        "author": "anna.price@severncf.example.org",
        "show_org": True,
        "status": "open",
        "family": "food-insecurity-local",
        "supporters": [
            "aamir.hussain@clydecentre.example.org",
            "priya.nair@humbericb.example.org",
            "sarah.robson@tynefood.example.org",
        ],
    },
    {
        "text": (
            "How well do national food insecurity measures capture people who skip meals but "
            "never go near a food bank?"
        ),
        "action": (
            "Propose better survey questions so that hidden food insecurity is counted in "
            "national statistics."
        ),
        "action_type": "understand-need",
        "themes": ["food"],
        "geography": "UK-wide",
        "population_groups": [],
        "org": "clydecentre",
        "author": "aamir.hussain@clydecentre.example.org",
        "show_org": True,
        "status": "open",
        "family": "food-insecurity-local",
        "supporters": ["steve.marshall@humbericb.example.org"],
    },
    {
        "text": (
            "How many people in the North East are going hungry but not coming to food banks, "
            "because of pride, transport or not knowing how to get a referral?"
        ),
        "action": ("Plan outreach in areas where food need looks high but referrals are low."),
        "action_type": "design-service",
        "themes": ["food"],
        "geography": "North East",
        "population_groups": [],
        "org": "tynefood",
        "author": "dave.charlton@tynefood.example.org",
        "show_org": True,
        "status": "open",
        "family": "food-insecurity-local",
        "supporters": ["pete.hocking@kernow.example.org"],
    },
    {
        "text": (
            "How common is food insecurity among working households in Cornwall's coastal "
            "towns, where shop prices rise in the tourist season?"
        ),
        "action": ("Make the case to Cornwall Council for a year-round community food strategy."),
        "action_type": "influence-policy",
        "themes": ["food", "rural"],
        "geography": "Cornwall",
        "population_groups": ["working households"],
        "org": "kernow",
        "author": "jenna.trewin@kernow.example.org",
        "show_org": True,
        "status": "open",
        "family": "food-insecurity-local",
        "supporters": ["mark.ellery@severncf.example.org"],
    },
    # --- community-food-models
    {
        "text": (
            "Do community pantries and social supermarkets reduce reliance on emergency food "
            "parcels, or do they reach a different group of people altogether?"
        ),
        "action": (
            "Decide whether to shift our food funding from emergency parcels to membership "
            "pantries."
        ),
        "action_type": "fund-commission",
        "themes": ["food"],
        "geography": "South West",
        "population_groups": [],
        "org": "severncf",
        "author": "anna.price@severncf.example.org",
        "show_org": True,
        "status": "open",
        "family": "community-food-models",
        "supporters": [
            "dave.charlton@tynefood.example.org",
            "helen.whitfield@northstar.example.org",
        ],
    },
    {
        "text": (
            "When we refer people on from the food bank to a pantry, do they stop needing "
            "emergency parcels?"
        ),
        "action": (
            "Evaluate our move to a cash-first and pantry model and report back to member food "
            "banks."
        ),
        "action_type": "evaluate-impact",
        "themes": ["food"],
        "geography": "North East",
        "population_groups": [],
        "org": "tynefood",
        "author": "sarah.robson@tynefood.example.org",
        "show_org": True,
        "status": "open",
        "family": "community-food-models",
        "supporters": [
            "ruth.okafor@warmhomes.example.org",
            "sunita.patel@ukss.example.org",
            "helen.whitfield@northstar.example.org",
        ],
    },
    {
        "text": (
            "Which community food models improve people's finances and wellbeing over a year, "
            "rather than only providing food?"
        ),
        "action": ("Set the outcomes we ask grantees to report on in our food programme."),
        "action_type": "fund-commission",
        "themes": ["food"],
        "geography": "UK-wide",
        "population_groups": [],
        "org": "hartwell",
        "author": "olivia.grant@hartwell.example.org",
        "show_org": True,
        "status": "open",
        "family": "community-food-models",
        "supporters": [],
    },
    {
        "text": (
            "Would tenants who currently travel across the city to food banks use a pantry run "
            "from our own community centres?"
        ),
        "action": ("Decide whether to open pantries in three of our community centres."),
        "action_type": "design-service",
        "themes": ["food"],
        "geography": "Sandwell",
        "population_groups": ["social housing tenants"],
        "org": "northstar",
        "author": "helen.whitfield@northstar.example.org",
        "show_org": True,
        "status": "open",
        "family": "community-food-models",
        "supporters": ["steve.marshall@humbericb.example.org"],
    },
    {
        "text": (
            "Are cash-first approaches, such as direct crisis payments, better than food "
            "vouchers at stopping people going hungry again?"
        ),
        "action": (
            "Inform the evaluation of Glasgow's cash-first pilots and Scotland's plan to end "
            "the need for food banks."
        ),
        "action_type": "evaluate-impact",
        "themes": ["food", "income-benefits"],
        "geography": "Glasgow City",
        "population_groups": [],
        "org": "clydecentre",
        "author": "morag.campbell@clydecentre.example.org",
        "show_org": True,
        "status": "open",
        "family": "community-food-models",
        "supporters": ["marcus.reid@northstar.example.org"],
    },
    # --- prepayment-self-disconnection
    {
        "text": (
            "How many households on prepayment meters are going without heating or hot water "
            "because they cannot afford to top up, and how often does it happen?"
        ),
        "action": (
            "Make the case to Ofgem for stronger protections and emergency credit rules for "
            "prepayment customers."
        ),
        "action_type": "influence-policy",
        "themes": ["energy"],
        "geography": "UK-wide",
        "population_groups": ["people with prepayment meters"],
        "org": "warmhomes",
        "author": "ruth.okafor@warmhomes.example.org",
        "show_org": True,
        "status": "prioritised",
        "family": "prepayment-self-disconnection",
        "supporters": [
            "sarah.robson@tynefood.example.org",
            "sam.oduya@dpt.example.org",
            "rhian.morgan@valleysadvice.example.org",
        ],
    },
    {
        "text": (
            "How often do clients with prepayment meters tell us they have self-disconnected, "
            "and how long had they been without power before they came in?"
        ),
        "action": (
            "Redesign our triage so that anyone who has self-disconnected gets an emergency "
            "fuel voucher the same day."
        ),
        "action_type": "design-service",
        "themes": ["energy"],
        "geography": "Wales",
        "population_groups": ["people with prepayment meters"],
        "org": "valleysadvice",
        "author": "gareth.pugh@valleysadvice.example.org",
        "show_org": True,
        "status": "prioritised",
        "family": "prepayment-self-disconnection",
        "supporters": [
            "ben.taylor@warmhomes.example.org",
            "sarah.robson@tynefood.example.org",
            "tom.ashby@fenlanduni.example.org",
        ],
    },
    {
        "text": (
            "How many people asking food banks for help have also run out of credit on their "
            "gas or electricity meter?"
        ),
        "action": (
            "Decide whether to offer fuel vouchers alongside food parcels at every food bank "
            "in the network."
        ),
        "action_type": "design-service",
        "themes": ["energy", "food"],
        "geography": "North East",
        "population_groups": ["people with prepayment meters"],
        "org": "tynefood",
        "author": "sarah.robson@tynefood.example.org",
        "show_org": True,
        "status": "prioritised",
        "family": "prepayment-self-disconnection",
        "supporters": [
            "marcus.reid@northstar.example.org",
            "sam.oduya@dpt.example.org",
            "conor.doherty@lagan.example.org",
        ],
    },
    {
        "text": (
            "Most homes here heat with oil or pay for electricity by keypad meter: how many of "
            "our clients are rationing top-ups or going without heat entirely?"
        ),
        "action": (
            "Give the Department for the Economy evidence on self-rationing to shape the next "
            "energy support scheme."
        ),
        "action_type": "influence-policy",
        "themes": ["energy"],
        "geography": "Northern Ireland",
        "population_groups": ["people with keypad meters"],
        "org": "lagan",
        "author": "siobhan.mcgrath@lagan.example.org",
        "show_org": True,
        "status": "prioritised",
        "family": "prepayment-self-disconnection",
        "supporters": [
            "fiona.mcleod@clydecentre.example.org",
            "grace.okonkwo@fenlanduni.example.org",
            "gareth.pugh@valleysadvice.example.org",
        ],
    },
    {
        "text": (
            "Are disabled people who rely on powered equipment, such as oxygen concentrators "
            "or electric wheelchairs, cutting themselves off from prepayment meters?"
        ),
        "action": (
            "Campaign for people with essential powered equipment to be kept off prepayment "
            "and given priority support."
        ),
        "action_type": "campaign",
        "themes": ["energy", "disability"],
        "geography": "England",
        "population_groups": ["disabled people", "people with prepayment meters"],
        "org": "dpt",
        "author": "claire.hollis@dpt.example.org",
        "show_org": True,
        "status": "prioritised",
        "family": "prepayment-self-disconnection",
        "supporters": [
            "rhian.morgan@valleysadvice.example.org",
            "grace.okonkwo@fenlanduni.example.org",
            "sarah.robson@tynefood.example.org",
            "mark.ellery@severncf.example.org",
            "marcus.reid@northstar.example.org",
        ],
    },
    {
        "text": (
            "How many of our tenants with prepayment meters go without energy in a typical "
            "winter week?"
        ),
        "action": (
            "Decide whether to fund emergency top-ups from our hardship fund and press "
            "suppliers to move vulnerable tenants to credit meters."
        ),
        "action_type": "target-resources",
        "themes": ["energy"],
        "geography": "West Midlands",
        "population_groups": ["social housing tenants", "people with prepayment meters"],
        "org": "northstar",
        "author": "marcus.reid@northstar.example.org",
        "show_org": True,
        "status": "open",
        "family": "prepayment-self-disconnection",
        "supporters": ["dave.charlton@tynefood.example.org"],
    },
    {
        "text": (
            "What is the true scale of self-disconnection and self-rationing in Great Britain, "
            "given that suppliers only record forced disconnections?"
        ),
        "action": (
            "Design a survey module that measures self-rationing consistently so it can be "
            "tracked over time."
        ),
        "action_type": "understand-need",
        "themes": ["energy"],
        "geography": "UK-wide",
        "population_groups": ["people with prepayment meters"],
        "org": "fenlanduni",
        "author": "grace.okonkwo@fenlanduni.example.org",
        "show_org": True,
        "status": "open",
        "family": "prepayment-self-disconnection",
        "supporters": ["conor.doherty@lagan.example.org"],
    },
    # --- energy-debt-arrears
    {
        "text": (
            "How much energy debt are households carrying, and how many have no repayment plan "
            "in place?"
        ),
        "action": (
            "Make the case for a debt relief scheme for energy arrears built up during the "
            "price crisis."
        ),
        "action_type": "campaign",
        "themes": ["energy", "debt"],
        "geography": "UK-wide",
        "population_groups": [],
        "org": "warmhomes",
        "author": "ben.taylor@warmhomes.example.org",
        "show_org": True,
        "status": "open",
        "family": "energy-debt-arrears",
        "supporters": [
            "mark.ellery@severncf.example.org",
            "gareth.pugh@valleysadvice.example.org",
        ],
    },
    {
        "text": (
            "Are energy arrears now the fastest-growing debt among our clients, and how do "
            "they interact with rates and rent arrears?"
        ),
        "action": (
            "Change how we prioritise debts so energy arrears are tackled before they lead to "
            "a meter being switched."
        ),
        "action_type": "design-service",
        "themes": ["energy", "debt"],
        "geography": "Belfast",
        "population_groups": [],
        "org": "lagan",
        "author": "conor.doherty@lagan.example.org",
        "show_org": False,
        "status": "open",
        "family": "energy-debt-arrears",
        "supporters": [
            "hannah.levy@everyday.example.org",
            "ruth.okafor@warmhomes.example.org",
            "joanne.byrne@merseyca.example.org",
        ],
    },
    {
        "text": (
            "How many clients have gas and electricity debts that can only be repaid through "
            "their meter, leaving too little to heat the home?"
        ),
        "action": (
            "Press suppliers to set repayment rates based on an income and expenditure check."
        ),
        "action_type": "influence-policy",
        "themes": ["energy", "debt"],
        "geography": "Wales",
        "population_groups": ["people with prepayment meters"],
        "org": "valleysadvice",
        "author": "rhian.morgan@valleysadvice.example.org",
        "show_org": True,
        "status": "open",
        "family": "energy-debt-arrears",
        "supporters": ["kwame.asante@merseyca.example.org"],
    },
    {
        "text": (
            "Which kinds of household were left with energy arrears after government bill "
            "support ended, and are those debts shrinking or growing?"
        ),
        "action": (
            "Publish analysis to inform Ofgem and government decisions on future targeted bill "
            "support."
        ),
        "action_type": "influence-policy",
        "themes": ["energy", "debt"],
        "geography": "UK-wide",
        "population_groups": [],
        "org": "everyday",
        "author": "hannah.levy@everyday.example.org",
        "show_org": True,
        "status": "open",
        "family": "energy-debt-arrears",
        "supporters": [
            "rhian.morgan@valleysadvice.example.org",
            "kate.holmes@bradford.example.org",
            "anna.price@severncf.example.org",
        ],
    },
    {
        "text": (
            "How many households asking the council for help with energy debt also owe council "
            "tax, and could we offer them one joined-up repayment plan?"
        ),
        "action": (
            "Design a single affordable repayment arrangement for households with council tax "
            "and energy arrears."
        ),
        "action_type": "design-service",
        "themes": ["energy", "debt"],
        "geography": "Bradford",
        "population_groups": [],
        "org": "bradford",
        "author": "imran.akhtar@bradford.example.org",
        "show_org": False,
        "status": "open",
        "family": "energy-debt-arrears",
        "supporters": [
            "anna.price@severncf.example.org",
            "conor.doherty@lagan.example.org",
        ],
    },
    {
        "text": (
            "Did Energy Bills Support Scheme vouchers go unredeemed among prepayment customers "
            "in our area, and who missed out?"
        ),
        "action": (
            "Target outreach at households that had not redeemed their vouchers before the "
            "scheme closed."
        ),
        "action_type": "target-resources",
        "themes": ["energy", "debt"],
        "geography": "South West",
        "population_groups": ["people with prepayment meters"],
        "org": "severncf",
        "author": "anna.price@severncf.example.org",
        "show_org": True,
        "status": "archived",
        "family": "energy-debt-arrears",
        "supporters": [],
    },
    # --- warm-spaces
    {
        "text": (
            "Who actually uses the warm spaces we fund, and are they the people who are "
            "struggling to heat their homes?"
        ),
        "action": ("Decide whether to fund warm spaces again next winter, and on what terms."),
        "action_type": "fund-commission",
        "themes": ["energy", "older-people", "health"],
        "geography": "Bristol",
        "population_groups": [],
        "org": "severncf",
        "author": "anna.price@severncf.example.org",
        "show_org": True,
        "status": "open",
        "family": "warm-spaces",
        "supporters": [],
    },
    {
        "text": (
            "Do warm hubs in village halls reach older people living alone in isolated parts "
            "of Cornwall, or mainly people who could already get out?"
        ),
        "action": ("Plan transport and outreach so that warm hubs reach people who are cut off."),
        "action_type": "design-service",
        "themes": ["energy", "older-people", "rural"],
        "geography": "Cornwall",
        "population_groups": ["people over 75"],
        "org": "kernow",
        "author": "pete.hocking@kernow.example.org",
        "show_org": True,
        "status": "open",
        "family": "warm-spaces",
        "supporters": ["anna.price@severncf.example.org"],
    },
    {
        "text": (
            "Did people who used warm spaces last winter have fewer GP visits or hospital "
            "admissions for cold-related illness?"
        ),
        "action": ("Evaluate whether the ICB should co-fund warm spaces as a health intervention."),
        "action_type": "evaluate-impact",
        "themes": ["energy", "older-people", "health"],
        "geography": "Yorkshire and the Humber",
        "population_groups": [],
        "org": "humbericb",
        "author": "steve.marshall@humbericb.example.org",
        "show_org": False,
        "status": "open",
        "family": "warm-spaces",
        "supporters": [],
    },
    {
        "text": (
            "How many warm spaces are open across our six boroughs, and where are the gaps "
            "compared with the number of households in fuel poverty?"
        ),
        "action": (
            "Target next winter's warm spaces grants at neighbourhoods with high fuel poverty "
            "and no provision."
        ),
        "action_type": "target-resources",
        "themes": ["energy", "older-people", "health"],
        "geography": "North West",
        "population_groups": [],
        "org": "merseyca",
        "author": "kwame.asante@merseyca.example.org",
        "show_org": True,
        "status": "open",
        "family": "warm-spaces",
        "supporters": [],
    },
    {
        "text": (
            "Are warm spaces just a sticking plaster, or do the people who use them get advice "
            "that lowers their bills in the long run?"
        ),
        "action": (
            "Decide whether to put our energy advisers into warm spaces instead of running "
            "separate drop-ins."
        ),
        "action_type": "design-service",
        "themes": ["energy", "older-people", "health"],
        "geography": "England",
        "population_groups": [],
        "org": "warmhomes",
        "author": "ruth.okafor@warmhomes.example.org",
        "show_org": True,
        "status": "open",
        "family": "warm-spaces",
        "supporters": [],
    },
    # --- fuel-poverty-targeting
    {
        "text": (
            "Which neighbourhoods have both low-income households and poorly insulated homes, "
            "so that retrofit schemes reach the people who need them?"
        ),
        "action": (
            "Target home insulation and heat pump referrals at the areas where fuel poverty is "
            "deepest."
        ),
        "action_type": "target-resources",
        "themes": ["energy", "housing"],
        "geography": "England",
        "population_groups": [],
        "org": "warmhomes",
        "author": "ben.taylor@warmhomes.example.org",
        "show_org": False,
        "status": "open",
        "family": "fuel-poverty-targeting",
        "supporters": [
            "morag.campbell@clydecentre.example.org",
            "marcus.reid@northstar.example.org",
        ],
    },
    {
        "text": (
            "Can we combine EPC ratings with benefits data to find fuel-poor households that "
            "qualify for grant-funded retrofit?"
        ),
        "action": (
            "Design a data-led eligibility route into the combined authority's warm homes "
            "programme."
        ),
        "action_type": "design-service",
        "themes": ["energy", "housing"],
        "geography": "North West",
        "population_groups": [],
        "org": "merseyca",
        "author": "kwame.asante@merseyca.example.org",
        "show_org": True,
        "status": "open",
        "family": "fuel-poverty-targeting",
        "supporters": [
            "ruth.okafor@warmhomes.example.org",
            "fiona.mcleod@clydecentre.example.org",
        ],
    },
    {
        "text": (
            "How many private rented homes in Bradford are rated below EPC band E, and how "
            "many of their tenants are on low incomes?"
        ),
        "action": (
            "Target enforcement of minimum energy efficiency standards at landlords whose "
            "tenants are in fuel poverty."
        ),
        "action_type": "target-resources",
        "themes": ["energy", "housing"],
        "geography": "Bradford",
        "population_groups": ["private renters"],
        "org": "bradford",
        "author": "imran.akhtar@bradford.example.org",
        "show_org": True,
        "status": "open",
        "family": "fuel-poverty-targeting",
        "supporters": [
            "ben.taylor@warmhomes.example.org",
            "aamir.hussain@clydecentre.example.org",
            "kwame.asante@merseyca.example.org",
            "marcus.reid@northstar.example.org",
        ],
    },
    {
        "text": (
            "Is the official fuel poverty measure missing households that keep their bills "
            "down by under-heating?"
        ),
        "action": (
            "Propose changes to how fuel poverty is measured in Scotland and across the UK."
        ),
        "action_type": "influence-policy",
        "themes": ["energy", "housing"],
        "geography": "Scotland",
        "population_groups": [],
        "org": "clydecentre",
        "author": "morag.campbell@clydecentre.example.org",
        "show_org": True,
        "status": "open",
        "family": "fuel-poverty-targeting",
        "supporters": [],
    },
    {
        "text": (
            "Which of our homes would give tenants the biggest drop in energy bills for each "
            "pound spent on insulation or new heating?"
        ),
        "action": (
            "Prioritise our retrofit programme by savings to tenants rather than by the age of "
            "the property."
        ),
        "action_type": "target-resources",
        "themes": ["energy", "housing"],
        "geography": "West Midlands",
        "population_groups": ["social housing tenants"],
        "org": "northstar",
        "author": "helen.whitfield@northstar.example.org",
        "show_org": True,
        "status": "open",
        "family": "fuel-poverty-targeting",
        "supporters": [
            "ben.taylor@warmhomes.example.org",
            "dave.charlton@tynefood.example.org",
        ],
    },
    # --- off-gas-grid-heating
    {
        "text": (
            "How many households in Cornwall heat their homes with oil, LPG or electric "
            "storage heaters, and how many of them are on low incomes?"
        ),
        "action": (
            "Make the case to Cornwall Council and the government for targeted support for "
            "off-gas households."
        ),
        "action_type": "influence-policy",
        "themes": ["energy", "rural"],
        "geography": "Cornwall",
        "population_groups": ["off-gas-grid households"],
        "org": "kernow",
        "author": "jenna.trewin@kernow.example.org",
        "show_org": True,
        "status": "answered",
        "family": "off-gas-grid-heating",
        "supporters": [
            "siobhan.mcgrath@lagan.example.org",
            "ben.taylor@warmhomes.example.org",
        ],
    },
    {
        "text": (
            "How do families who heat with oil cope when they cannot afford the minimum "
            "delivery a supplier will make?"
        ),
        "action": (
            "Decide whether to set up an oil savings stamp or small-delivery scheme with local "
            "suppliers."
        ),
        "action_type": "design-service",
        "themes": ["energy", "rural"],
        "geography": "Northern Ireland",
        "population_groups": ["households using heating oil"],
        "org": "lagan",
        "author": "siobhan.mcgrath@lagan.example.org",
        "show_org": True,
        "status": "open",
        "family": "off-gas-grid-heating",
        "supporters": ["sunita.patel@ukss.example.org"],
    },
    {
        "text": (
            "Are off-gas-grid households in the Highlands paying more to heat their homes than "
            "the fuel poverty statistics assume?"
        ),
        "action": (
            "Give the Scottish Government better evidence on real heating costs for its remote "
            "rural fuel poverty uplift."
        ),
        "action_type": "influence-policy",
        "themes": ["energy", "rural"],
        "geography": "Highland",
        "population_groups": ["off-gas-grid households"],
        "org": "clydecentre",
        "author": "aamir.hussain@clydecentre.example.org",
        "show_org": True,
        "status": "open",
        "family": "off-gas-grid-heating",
        "supporters": ["mark.ellery@severncf.example.org"],
    },
    {
        "text": (
            "Are households that heat with oil or LPG falling through the gaps in energy price "
            "protection and support schemes?"
        ),
        "action": (
            "Campaign for off-gas households to get protection equivalent to the energy price cap."
        ),
        "action_type": "campaign",
        "themes": ["energy", "rural"],
        "geography": "UK-wide",
        "population_groups": ["off-gas-grid households"],
        "org": "warmhomes",
        "author": "ruth.okafor@warmhomes.example.org",
        "show_org": True,
        "status": "open",
        "family": "off-gas-grid-heating",
        "supporters": [
            "pete.hocking@kernow.example.org",
            "anna.price@severncf.example.org",
            "kate.holmes@bradford.example.org",
        ],
    },
    {
        "text": (
            "What stops older people in rural Gloucestershire replacing oil boilers with heat "
            "pumps, even when grants are on offer?"
        ),
        "action": (
            "Decide whether to fund a home visit service that helps older rural households "
            "through heating grant applications."
        ),
        "action_type": "fund-commission",
        "themes": ["energy", "rural", "older-people"],
        "geography": "Gloucestershire",
        "population_groups": ["people over 75", "off-gas-grid households"],
        "org": "severncf",
        "author": "anna.price@severncf.example.org",
        "show_org": True,
        "status": "open",
        "family": "off-gas-grid-heating",
        "supporters": [],
    },
    # --- cold-homes-health
    {
        "text": (
            "How many emergency admissions for respiratory illness each winter come from "
            "people living in cold, damp homes?"
        ),
        "action": (
            "Make the case for the ICB to fund home heating improvements as a prevention measure."
        ),
        "action_type": "fund-commission",
        "themes": ["energy", "health", "housing"],
        "geography": "Yorkshire and the Humber",
        "population_groups": [],
        "org": "humbericb",
        "author": "priya.nair@humbericb.example.org",
        "show_org": False,
        "status": "open",
        "family": "cold-homes-health",
        "supporters": [
            "sam.oduya@dpt.example.org",
            "ben.taylor@warmhomes.example.org",
        ],
    },
    {
        "text": (
            "Which of our tenants with lung or heart conditions are likely to be living in "
            "cold homes, and could we find them from our repairs and tenancy records?"
        ),
        "action": (
            "Target heating upgrades and winter welfare checks at tenants whose health is made "
            "worse by the cold."
        ),
        "action_type": "target-resources",
        "themes": ["energy", "health", "housing"],
        "geography": "West Midlands",
        "population_groups": ["people with long-term conditions", "social housing tenants"],
        "org": "northstar",
        "author": "helen.whitfield@northstar.example.org",
        "show_org": True,
        "status": "open",
        "family": "cold-homes-health",
        "supporters": ["amina.yusuf@elmr.example.org"],
    },
    {
        "text": (
            "Does helping a household with a long-term condition heat its home properly reduce "
            "their use of NHS services?"
        ),
        "action": (
            "Build an evaluation into our home visits service so we can show commissioners the "
            "health savings."
        ),
        "action_type": "evaluate-impact",
        "themes": ["energy", "health", "housing"],
        "geography": "England",
        "population_groups": ["people with long-term conditions"],
        "org": "warmhomes",
        "author": "ben.taylor@warmhomes.example.org",
        "show_org": True,
        "status": "open",
        "family": "cold-homes-health",
        "supporters": ["helen.whitfield@northstar.example.org"],
    },
    {
        "text": (
            "How many disabled people are keeping their homes colder than is safe for their "
            "condition because of energy costs?"
        ),
        "action": (
            "Campaign for a social tariff that reflects the higher energy needs of disabled people."
        ),
        "action_type": "campaign",
        "themes": ["energy", "health", "disability"],
        "geography": "England",
        "population_groups": ["disabled people"],
        "org": "dpt",
        "author": "claire.hollis@dpt.example.org",
        "show_org": True,
        "status": "open",
        "family": "cold-homes-health",
        "supporters": [
            "ben.taylor@warmhomes.example.org",
            "priya.nair@humbericb.example.org",
            "helen.whitfield@northstar.example.org",
        ],
    },
    {
        "text": (
            "What is the strongest evidence that cold homes cause ill health in children, and "
            "which interventions change it?"
        ),
        "action": (
            "Decide whether to fund research linking housing conditions to child health records."
        ),
        "action_type": "fund-commission",
        "themes": ["energy", "health", "housing"],
        "geography": "UK-wide",
        "population_groups": ["families with children"],
        "org": "hartwell",
        "author": "olivia.grant@hartwell.example.org",
        "show_org": True,
        "status": "open",
        "family": "cold-homes-health",
        "supporters": ["ruth.okafor@warmhomes.example.org"],
    },
    # --- private-rent-arrears
    {
        "text": (
            "How many private renters coming to us for advice are in rent arrears, and how far "
            "behind are they?"
        ),
        "action": (
            "Make the case to the Welsh Government for a renters' hardship grant to prevent "
            "evictions."
        ),
        "action_type": "influence-policy",
        "themes": ["housing", "debt"],
        "geography": "Wales",
        "population_groups": ["private renters"],
        "org": "valleysadvice",
        "author": "rhian.morgan@valleysadvice.example.org",
        "show_org": True,
        "status": "open",
        "family": "private-rent-arrears",
        "supporters": ["james.whittaker@pennine.example.org"],
    },
    {
        "text": (
            "What share of private renters are behind on their rent, and which groups are most "
            "likely to fall into arrears?"
        ),
        "action": (
            "Publish analysis to inform the government's approach to renters' hardship support."
        ),
        "action_type": "influence-policy",
        "themes": ["housing", "debt"],
        "geography": "UK-wide",
        "population_groups": ["private renters"],
        "org": "everyday",
        "author": "hannah.levy@everyday.example.org",
        "show_org": True,
        "status": "open",
        "family": "private-rent-arrears",
        "supporters": [
            "grace.okonkwo@fenlanduni.example.org",
            "gareth.pugh@valleysadvice.example.org",
        ],
    },
    {
        "text": (
            "How many households who approach the council as homeless were in arrears with a "
            "private landlord, and could they have been helped sooner?"
        ),
        "action": (
            "Redesign our homelessness prevention service to find private renters in arrears "
            "before notice is served."
        ),
        "action_type": "design-service",
        "themes": ["housing", "debt"],
        "geography": "Bradford",
        "population_groups": ["private renters"],
        "org": "bradford",
        "author": "imran.akhtar@bradford.example.org",
        "show_org": True,
        "status": "open",
        "family": "private-rent-arrears",
        "supporters": [
            "anna.price@severncf.example.org",
            "claire.hollis@dpt.example.org",
            "hannah.levy@everyday.example.org",
        ],
    },
    {
        "text": (
            "Would small grants to clear private rent arrears stop families being evicted, or "
            "only delay it?"
        ),
        "action": (
            "Decide whether to fund a rent arrears grant scheme run by local advice agencies."
        ),
        "action_type": "fund-commission",
        "themes": ["housing", "debt"],
        "geography": "Bristol",
        "population_groups": ["private renters", "families with children"],
        "org": "severncf",
        "author": "anna.price@severncf.example.org",
        "show_org": True,
        "status": "open",
        "family": "private-rent-arrears",
        "supporters": ["hannah.levy@everyday.example.org"],
    },
    {
        "text": (
            "When income falls, how do private renters juggle rent arrears against council tax "
            "and energy debts, and which do they pay first?"
        ),
        "action": (
            "Provide evidence for debt advice guidance on prioritising rent when income drops."
        ),
        "action_type": "understand-need",
        "themes": ["housing", "debt"],
        "geography": "UK-wide",
        "population_groups": ["private renters"],
        "org": "fenlanduni",
        "author": "tom.ashby@fenlanduni.example.org",
        "show_org": True,
        "status": "open",
        "family": "private-rent-arrears",
        "supporters": [
            "jenna.trewin@kernow.example.org",
            "imran.akhtar@bradford.example.org",
        ],
    },
    {
        "text": (
            "Are more private tenants coming to us with rent arrears since rents rose, and how "
            "many have been asked to leave?"
        ),
        "action": (
            "Give the Housing Executive and Department for Communities evidence for a tenancy "
            "sustainment fund."
        ),
        "action_type": "influence-policy",
        "themes": ["housing", "debt"],
        "geography": "Northern Ireland",
        "population_groups": ["private renters"],
        "org": "lagan",
        "author": "siobhan.mcgrath@lagan.example.org",
        "show_org": True,
        "status": "open",
        "family": "private-rent-arrears",
        "supporters": ["gareth.pugh@valleysadvice.example.org"],
    },
    # --- temporary-accommodation
    {
        "text": (
            "How many of the families we support have been placed in temporary accommodation "
            "outside Tower Hamlets, and how far are they from their children's schools?"
        ),
        "action": (
            "Campaign for limits on out-of-borough placements for families with school-age "
            "children."
        ),
        "action_type": "campaign",
        "themes": ["housing", "child-poverty"],
        "geography": "Tower Hamlets",
        "population_groups": ["families with children", "migrant families"],
        "org": "elmr",
        "author": "amina.yusuf@elmr.example.org",
        "show_org": False,
        "status": "prioritised",
        "family": "temporary-accommodation",
        "supporters": [
            "leanne.ogden@pennine.example.org",
            "imran.akhtar@bradford.example.org",
            "aamir.hussain@clydecentre.example.org",
            "steve.marshall@humbericb.example.org",
            "kwame.asante@merseyca.example.org",
        ],
    },
    {
        "text": (
            "How much are councils in our area spending on nightly-paid and bed and breakfast "
            "accommodation, and how long are families staying?"
        ),
        "action": (
            "Make the case for combined authority investment in self-contained temporary homes."
        ),
        "action_type": "influence-policy",
        "themes": ["housing", "child-poverty"],
        "geography": "North West",
        "population_groups": ["families with children"],
        "org": "merseyca",
        "author": "kwame.asante@merseyca.example.org",
        "show_org": True,
        "status": "open",
        "family": "temporary-accommodation",
        "supporters": [
            "tom.ashby@fenlanduni.example.org",
            "morag.campbell@clydecentre.example.org",
        ],
    },
    {
        "text": (
            "How does living in temporary accommodation affect children's attendance and "
            "progress at school?"
        ),
        "action": (
            "Design a support offer for pupils in temporary accommodation, including transport "
            "and breakfast."
        ),
        "action_type": "design-service",
        "themes": ["housing", "child-poverty", "education"],
        "geography": "Rochdale",
        "population_groups": ["children in temporary accommodation"],
        "org": "pennine",
        "author": "leanne.ogden@pennine.example.org",
        "show_org": True,
        "status": "open",
        "family": "temporary-accommodation",
        "supporters": [
            "priya.nair@humbericb.example.org",
            "tomasz.nowak@elmr.example.org",
        ],
    },
    {
        "text": (
            "What is the impact on babies' and young children's health and development of long "
            "stays in temporary accommodation?"
        ),
        "action": (
            "Provide evidence to government for a legal limit on how long families can stay in "
            "temporary accommodation."
        ),
        "action_type": "influence-policy",
        "themes": ["housing", "child-poverty", "health"],
        "geography": "England",
        "population_groups": ["children under 5"],
        "org": "fenlanduni",
        "author": "grace.okonkwo@fenlanduni.example.org",
        "show_org": True,
        "status": "open",
        "family": "temporary-accommodation",
        "supporters": ["imran.akhtar@bradford.example.org"],
    },
    {
        "text": (
            "Why has the number of families in bed and breakfast accommodation in Bradford "
            "risen, and which routes into homelessness are driving it?"
        ),
        "action": ("Target prevention resources at the main routes into temporary accommodation."),
        "action_type": "target-resources",
        "themes": ["housing", "child-poverty"],
        "geography": "Bradford",
        "population_groups": ["families with children"],
        "org": "bradford",
        "author": "imran.akhtar@bradford.example.org",
        "show_org": False,
        "status": "open",
        "family": "temporary-accommodation",
        "supporters": [
            "olivia.grant@hartwell.example.org",
            "james.whittaker@pennine.example.org",
        ],
    },
    {
        "text": ("Which interventions shorten the time families spend in temporary accommodation?"),
        "action": (
            "Decide whether to fund a programme that moves families from temporary "
            "accommodation into settled homes."
        ),
        "action_type": "fund-commission",
        "themes": ["housing", "child-poverty"],
        "geography": "England",
        "population_groups": ["families with children"],
        "org": "hartwell",
        "author": "olivia.grant@hartwell.example.org",
        "show_org": True,
        "status": "open",
        "family": "temporary-accommodation",
        "supporters": ["kate.holmes@bradford.example.org"],
    },
    # --- damp-mould
    {
        "text": (
            "Which of our homes are most at risk of damp and mould, and can we predict them "
            "before a tenant reports a problem?"
        ),
        "action": (
            "Target proactive inspections and ventilation works at the homes most likely to "
            "develop mould."
        ),
        "action_type": "target-resources",
        "themes": ["housing", "health"],
        "geography": "Birmingham",
        "population_groups": ["social housing tenants"],
        "org": "northstar",
        "author": "helen.whitfield@northstar.example.org",
        "show_org": True,
        "status": "prioritised",
        "family": "damp-mould",
        "supporters": [
            "amina.yusuf@elmr.example.org",
            "sarah.robson@tynefood.example.org",
            "rhian.morgan@valleysadvice.example.org",
            "neil.fraser@ukss.example.org",
            "james.whittaker@pennine.example.org",
        ],
    },
    {
        "text": (
            "How many of our pupils live in homes with damp and mould, and is it behind their "
            "absences through illness?"
        ),
        "action": (
            "Agree a referral route with the council's environmental health team for families "
            "whose children miss school because of housing conditions."
        ),
        "action_type": "design-service",
        "themes": ["housing", "health", "education"],
        "geography": "Oldham",
        "population_groups": ["families with children"],
        "org": "pennine",
        "author": "leanne.ogden@pennine.example.org",
        "show_org": True,
        "status": "open",
        "family": "damp-mould",
        "supporters": ["gareth.pugh@valleysadvice.example.org"],
    },
    {
        "text": (
            "How many children with asthma on our GP registers live in homes with damp and mould?"
        ),
        "action": (
            "Set up a referral route from GPs to landlords and environmental health for "
            "children whose asthma is linked to housing."
        ),
        "action_type": "design-service",
        "themes": ["housing", "health"],
        "geography": "Yorkshire and the Humber",
        "population_groups": ["children with asthma"],
        "org": "humbericb",
        "author": "priya.nair@humbericb.example.org",
        "show_org": False,
        "status": "open",
        "family": "damp-mould",
        "supporters": [
            "conor.doherty@lagan.example.org",
            "helen.whitfield@northstar.example.org",
            "amina.yusuf@elmr.example.org",
        ],
    },
    {
        "text": (
            "How many private tenants who complain about damp and mould then face a "
            "retaliatory eviction?"
        ),
        "action": ("Campaign for stronger protection for renters who report disrepair."),
        "action_type": "campaign",
        "themes": ["housing", "health"],
        "geography": "London",
        "population_groups": ["private renters", "migrant families"],
        "org": "elmr",
        "author": "amina.yusuf@elmr.example.org",
        "show_org": True,
        "status": "open",
        "family": "damp-mould",
        "supporters": [
            "ruth.okafor@warmhomes.example.org",
            "olivia.grant@hartwell.example.org",
        ],
    },
    {
        "text": (
            "Do clients who cannot afford to heat their homes end up with damp and mould, and "
            "then get blamed for it by their landlord?"
        ),
        "action": (
            "Use our case evidence to challenge landlords who put damp down to tenants' "
            "behaviour rather than fuel poverty."
        ),
        "action_type": "influence-policy",
        "themes": ["housing", "health", "energy"],
        "geography": "Wales",
        "population_groups": ["private renters"],
        "org": "valleysadvice",
        "author": "rhian.morgan@valleysadvice.example.org",
        "show_org": True,
        "status": "open",
        "family": "damp-mould",
        "supporters": [
            "neil.fraser@ukss.example.org",
            "dave.charlton@tynefood.example.org",
            "steve.marshall@humbericb.example.org",
            "helen.whitfield@northstar.example.org",
        ],
    },
    {
        "text": (
            "How has the share of homes with damp problems changed by tenure over the last decade?"
        ),
        "action": (
            "Publish a short statistical briefing for policy teams working on Awaab's Law and "
            "the Decent Homes Standard."
        ),
        "action_type": "understand-need",
        "themes": ["housing", "health"],
        "geography": "England",
        "population_groups": [],
        "org": "ukss",
        "author": "neil.fraser@ukss.example.org",
        "show_org": True,
        "status": "answered",
        "family": "damp-mould",
        "supporters": [
            "leanne.ogden@pennine.example.org",
            "amina.yusuf@elmr.example.org",
            "helen.whitfield@northstar.example.org",
            "steve.marshall@humbericb.example.org",
        ],
    },
    # --- lha-shortfall
    {
        "text": (
            "How many private rented homes in Bristol are actually affordable within the Local "
            "Housing Allowance rate?"
        ),
        "action": (
            "Make the case to ministers for Local Housing Allowance to cover the cheapest "
            "third of local rents."
        ),
        "action_type": "influence-policy",
        "themes": ["housing", "income-benefits"],
        "geography": "Bristol",
        "population_groups": ["private renters"],
        "org": "severncf",
        "author": "anna.price@severncf.example.org",
        "show_org": True,
        "status": "answered",
        "family": "lha-shortfall",
        "supporters": [
            "helen.whitfield@northstar.example.org",
            "pete.hocking@kernow.example.org",
        ],
    },
    {
        "text": (
            "How large is the monthly gap between Local Housing Allowance and the rent our "
            "clients actually pay, and how are they covering it?"
        ),
        "action": (
            "Support applications for Discretionary Housing Payments with evidence of the "
            "shortfall."
        ),
        "action_type": "design-service",
        "themes": ["housing", "income-benefits"],
        "geography": "Tower Hamlets",
        "population_groups": ["private renters"],
        "org": "elmr",
        "author": "amina.yusuf@elmr.example.org",
        "show_org": True,
        "status": "open",
        "family": "lha-shortfall",
        "supporters": [
            "jenna.trewin@kernow.example.org",
            "tom.ashby@fenlanduni.example.org",
        ],
    },
    {
        "text": (
            "In Cornwall's holiday-let hotspots, are there any homes left to rent at or below "
            "the housing allowance rate?"
        ),
        "action": (
            "Make the case for housing allowance areas that reflect coastal rents in Cornwall."
        ),
        "action_type": "influence-policy",
        "themes": ["housing", "income-benefits", "rural"],
        "geography": "Cornwall",
        "population_groups": ["private renters"],
        "org": "kernow",
        "author": "jenna.trewin@kernow.example.org",
        "show_org": True,
        "status": "open",
        "family": "lha-shortfall",
        "supporters": [
            "neil.fraser@ukss.example.org",
            "amina.yusuf@elmr.example.org",
        ],
    },
    {
        "text": (
            "When housing allowance is frozen while rents rise, what do households cut back on "
            "first to make up the gap?"
        ),
        "action": (
            "Model the cost and poverty impact of unfreezing Local Housing Allowance ahead of "
            "the next fiscal event."
        ),
        "action_type": "influence-policy",
        "themes": ["housing", "income-benefits"],
        "geography": "UK-wide",
        "population_groups": ["private renters"],
        "org": "fenlanduni",
        "author": "tom.ashby@fenlanduni.example.org",
        "show_org": True,
        "status": "open",
        "family": "lha-shortfall",
        "supporters": [
            "pete.hocking@kernow.example.org",
            "morag.campbell@clydecentre.example.org",
        ],
    },
    {
        "text": (
            "How many clients are paying part of their rent out of other benefits because the "
            "housing element does not cover it?"
        ),
        "action": (
            "Target our Discretionary Housing Payment applications at clients with the largest "
            "shortfall."
        ),
        "action_type": "target-resources",
        "themes": ["housing", "income-benefits"],
        "geography": "Caerphilly",
        "population_groups": ["private renters"],
        "org": "valleysadvice",
        "author": "gareth.pugh@valleysadvice.example.org",
        "show_org": True,
        "status": "open",
        "family": "lha-shortfall",
        "supporters": ["pete.hocking@kernow.example.org"],
    },
    # --- private-evictions
    {
        "text": (
            "As no-fault evictions are abolished, are private landlords using rent increases "
            "or sale grounds to end tenancies instead?"
        ),
        "action": (
            "Plan homelessness prevention capacity and enforcement as the eviction rules change."
        ),
        "action_type": "design-service",
        "themes": ["housing"],
        "geography": "Bradford",
        "population_groups": ["private renters"],
        "org": "bradford",
        "author": "imran.akhtar@bradford.example.org",
        "show_org": True,
        "status": "open",
        "family": "private-evictions",
        "supporters": [
            "rhian.morgan@valleysadvice.example.org",
            "siobhan.mcgrath@lagan.example.org",
            "sunita.patel@ukss.example.org",
        ],
    },
    {
        "text": (
            "How many renters are being pushed out by large rent rises rather than by a formal "
            "eviction notice?"
        ),
        "action": ("Campaign for protection against economic eviction through rent increases."),
        "action_type": "campaign",
        "themes": ["housing"],
        "geography": "England",
        "population_groups": ["private renters"],
        "org": "everyday",
        "author": "hannah.levy@everyday.example.org",
        "show_org": True,
        "status": "open",
        "family": "private-evictions",
        "supporters": ["grace.okonkwo@fenlanduni.example.org"],
    },
    {
        "text": (
            "What share of homelessness in our area begins with the end of a private tenancy, "
            "and has that changed over five years?"
        ),
        "action": (
            "Make the case for combined authority funding for prevention work in the private "
            "rented sector."
        ),
        "action_type": "influence-policy",
        "themes": ["housing"],
        "geography": "North West",
        "population_groups": ["private renters"],
        "org": "merseyca",
        "author": "kwame.asante@merseyca.example.org",
        "show_org": True,
        "status": "open",
        "family": "private-evictions",
        "supporters": [
            "tomasz.nowak@elmr.example.org",
            "leanne.ogden@pennine.example.org",
            "tom.ashby@fenlanduni.example.org",
            "kate.holmes@bradford.example.org",
        ],
    },
    {
        "text": (
            "Are migrant tenants more likely to be evicted informally, with no notice and no "
            "court process?"
        ),
        "action": ("Design know-your-rights outreach on illegal eviction for migrant renters."),
        "action_type": "design-service",
        "themes": ["housing", "migrants"],
        "geography": "London",
        "population_groups": ["migrant families", "private renters"],
        "org": "elmr",
        "author": "amina.yusuf@elmr.example.org",
        "show_org": True,
        "status": "open",
        "family": "private-evictions",
        "supporters": ["imran.akhtar@bradford.example.org"],
    },
    {
        "text": (
            "What do court possession claims and eviction rates show before and after changes "
            "to tenancy law?"
        ),
        "action": (
            "Provide evidence for the government's review of how renters' reform is working."
        ),
        "action_type": "evaluate-impact",
        "themes": ["housing"],
        "geography": "England",
        "population_groups": ["private renters"],
        "org": "fenlanduni",
        "author": "grace.okonkwo@fenlanduni.example.org",
        "show_org": True,
        "status": "open",
        "family": "private-evictions",
        "supporters": [],
    },
    # --- social-housing-uc-arrears
    {
        "text": (
            "Why do tenants moving onto Universal Credit build up rent arrears in the first "
            "few months, and how many ever clear them?"
        ),
        "action": (
            "Redesign our new-claim support so tenants have rent payments set up before "
            "arrears start."
        ),
        "action_type": "design-service",
        "themes": ["housing", "income-benefits"],
        "geography": "West Midlands",
        "population_groups": ["social housing tenants"],
        "org": "northstar",
        "author": "marcus.reid@northstar.example.org",
        "show_org": False,
        "status": "open",
        "family": "social-housing-uc-arrears",
        "supporters": [
            "conor.doherty@lagan.example.org",
            "hannah.levy@everyday.example.org",
        ],
    },
    {
        "text": (
            "Universal Credit housing costs here are paid straight to the landlord by default: "
            "do our social tenant clients build up less rent arrears as a result?"
        ),
        "action": (
            "Give advice agencies in Great Britain and DWP evidence on whether direct payment "
            "to landlords should be offered more widely."
        ),
        "action_type": "influence-policy",
        "themes": ["housing", "income-benefits"],
        "geography": "Northern Ireland",
        "population_groups": ["social housing tenants"],
        "org": "lagan",
        "author": "siobhan.mcgrath@lagan.example.org",
        "show_org": True,
        "status": "open",
        "family": "social-housing-uc-arrears",
        "supporters": ["leanne.ogden@pennine.example.org"],
    },
    {
        "text": (
            "How many social tenants we see are in arrears because of deductions from their "
            "Universal Credit rather than because they stopped paying?"
        ),
        "action": (
            "Make the case to housing associations in Wales to pause arrears action while "
            "deductions are reviewed."
        ),
        "action_type": "influence-policy",
        "themes": ["housing", "income-benefits"],
        "geography": "Wales",
        "population_groups": ["social housing tenants"],
        "org": "valleysadvice",
        "author": "gareth.pugh@valleysadvice.example.org",
        "show_org": True,
        "status": "open",
        "family": "social-housing-uc-arrears",
        "supporters": [],
    },
    {
        "text": (
            "What share of housing association rent arrears in the region relates to Universal "
            "Credit, and is it falling as claims mature?"
        ),
        "action": (
            "Inform the combined authority's housing and welfare strategy with evidence from "
            "social landlords."
        ),
        "action_type": "understand-need",
        "themes": ["housing", "income-benefits"],
        "geography": "North West",
        "population_groups": ["social housing tenants"],
        "org": "merseyca",
        "author": "kwame.asante@merseyca.example.org",
        "show_org": False,
        "status": "open",
        "family": "social-housing-uc-arrears",
        "supporters": [
            "marcus.reid@northstar.example.org",
            "tom.ashby@fenlanduni.example.org",
        ],
    },
    {
        "text": (
            "Is the rise in social housing rent arrears under Universal Credit caused by "
            "monthly payment, the five-week wait, or deductions?"
        ),
        "action": (
            "Publish evidence to show DWP and social landlords which fix would make most "
            "difference."
        ),
        "action_type": "understand-need",
        "themes": ["housing", "income-benefits"],
        "geography": "England",
        "population_groups": ["social housing tenants"],
        "org": "fenlanduni",
        "author": "grace.okonkwo@fenlanduni.example.org",
        "show_org": True,
        "status": "open",
        "family": "social-housing-uc-arrears",
        "supporters": [],
    },
    # --- uc-deductions
    {
        "text": (
            "How many of our clients have deductions taken from their Universal Credit, for "
            "which debts, and how much does that leave them to live on?"
        ),
        "action": (
            "Make the case to DWP for a lower cap on deductions and an affordability check "
            "before they start."
        ),
        "action_type": "influence-policy",
        "themes": ["income-benefits", "debt"],
        "geography": "Wales",
        "population_groups": [],
        "org": "valleysadvice",
        "author": "rhian.morgan@valleysadvice.example.org",
        "show_org": True,
        "status": "prioritised",
        "family": "uc-deductions",
        "supporters": [
            "helen.whitfield@northstar.example.org",
            "joanne.byrne@merseyca.example.org",
            "dave.charlton@tynefood.example.org",
            "sam.oduya@dpt.example.org",
            "kate.holmes@bradford.example.org",
            "conor.doherty@lagan.example.org",
        ],
    },
    {
        "text": (
            "How many food bank referrals involve someone whose Universal Credit has been cut "
            "by deductions for advances, overpayments or third-party debts?"
        ),
        "action": (
            "Campaign with other food bank networks to end deductions that push people below "
            "the breadline."
        ),
        "action_type": "campaign",
        "themes": ["income-benefits", "debt", "food"],
        "geography": "North East",
        "population_groups": [],
        "org": "tynefood",
        "author": "dave.charlton@tynefood.example.org",
        "show_org": True,
        "status": "open",
        "family": "uc-deductions",
        "supporters": ["conor.doherty@lagan.example.org"],
    },
    {
        "text": (
            "Are Universal Credit deductions for old tax credit overpayments being taken from "
            "people who never knew they owed anything?"
        ),
        "action": (
            "Change our advice process so historic overpayment deductions are challenged as a "
            "matter of routine."
        ),
        "action_type": "design-service",
        "themes": ["income-benefits", "debt"],
        "geography": "Northern Ireland",
        "population_groups": [],
        "org": "lagan",
        "author": "conor.doherty@lagan.example.org",
        "show_org": False,
        "status": "open",
        "family": "uc-deductions",
        "supporters": [
            "hannah.levy@everyday.example.org",
            "gareth.pugh@valleysadvice.example.org",
            "helen.whitfield@northstar.example.org",
        ],
    },
    {
        "text": (
            "What would happen to poverty rates if the overall cap on Universal Credit "
            "deductions were lowered further, to 10 per cent of the standard allowance?"
        ),
        "action": ("Provide costed modelling for the next review of the Fair Repayment Rate."),
        "action_type": "influence-policy",
        "themes": ["income-benefits", "debt"],
        "geography": "UK-wide",
        "population_groups": [],
        "org": "everyday",
        "author": "hannah.levy@everyday.example.org",
        "show_org": True,
        "status": "open",
        "family": "uc-deductions",
        "supporters": [
            "jenna.trewin@kernow.example.org",
            "sarah.robson@tynefood.example.org",
            "imran.akhtar@bradford.example.org",
        ],
    },
    {
        "text": (
            "How many of our tenants have rent arrears deductions on top of other deductions, "
            "and can they still afford food and energy?"
        ),
        "action": (
            "Decide whether to stop requesting third-party deductions for tenants already "
            "facing several."
        ),
        "action_type": "design-service",
        "themes": ["income-benefits", "debt", "housing"],
        "geography": "West Midlands",
        "population_groups": ["social housing tenants"],
        "org": "northstar",
        "author": "marcus.reid@northstar.example.org",
        "show_org": True,
        "status": "open",
        "family": "uc-deductions",
        "supporters": [
            "mark.ellery@severncf.example.org",
            "hannah.levy@everyday.example.org",
            "steve.marshall@humbericb.example.org",
        ],
    },
    {
        "text": (
            "How much council tax arrears do we recover through deductions from Universal "
            "Credit, and what does that do to household budgets?"
        ),
        "action": (
            "Review whether the council should ask for benefit deductions for council tax "
            "arrears at all."
        ),
        "action_type": "evaluate-impact",
        "themes": ["income-benefits", "debt"],
        "geography": "Bradford",
        "population_groups": [],
        "org": "bradford",
        "author": "kate.holmes@bradford.example.org",
        "show_org": False,
        "status": "open",
        "family": "uc-deductions",
        "supporters": ["hannah.levy@everyday.example.org"],
    },
    # --- benefit-sanctions
    {
        "text": (
            "How many people referred to our food banks have had a benefit sanction in the "
            "previous three months?"
        ),
        "action": (
            "Give the Work and Pensions Committee evidence on the link between sanctions and "
            "food need."
        ),
        "action_type": "influence-policy",
        "themes": ["income-benefits", "food"],
        "geography": "North East",
        "population_groups": [],
        "org": "tynefood",
        "author": "sarah.robson@tynefood.example.org",
        "show_org": True,
        "status": "open",
        "family": "benefit-sanctions",
        "supporters": ["grace.okonkwo@fenlanduni.example.org"],
    },
    {
        "text": (
            "Do benefit sanctions move people into work, or do they push them into debt, ill "
            "health and leaving benefits without a job?"
        ),
        "action": ("Publish an evidence review to inform the next round of welfare reform."),
        "action_type": "evaluate-impact",
        "themes": ["income-benefits", "work"],
        "geography": "UK-wide",
        "population_groups": [],
        "org": "fenlanduni",
        "author": "tom.ashby@fenlanduni.example.org",
        "show_org": True,
        "status": "open",
        "family": "benefit-sanctions",
        "supporters": [
            "rhian.morgan@valleysadvice.example.org",
            "fiona.mcleod@clydecentre.example.org",
        ],
    },
    {
        "text": (
            "Are clients with mental health conditions more likely to be sanctioned for missed "
            "appointments, and is good reason being properly considered?"
        ),
        "action": (
            "Train our advisers to challenge sanctions where good reason was not considered."
        ),
        "action_type": "design-service",
        "themes": ["income-benefits", "mental-health"],
        "geography": "Wales",
        "population_groups": ["people with mental health conditions"],
        "org": "valleysadvice",
        "author": "gareth.pugh@valleysadvice.example.org",
        "show_org": True,
        "status": "open",
        "family": "benefit-sanctions",
        "supporters": ["jenna.trewin@kernow.example.org"],
    },
    {
        "text": (
            "How have sanction rates under Universal Credit changed since the pandemic, and "
            "which groups are most affected?"
        ),
        "action": ("Brief Scottish MPs and MSPs ahead of debates on conditionality."),
        "action_type": "influence-policy",
        "themes": ["income-benefits", "work"],
        "geography": "Scotland",
        "population_groups": [],
        "org": "clydecentre",
        "author": "aamir.hussain@clydecentre.example.org",
        "show_org": True,
        "status": "open",
        "family": "benefit-sanctions",
        "supporters": [
            "sarah.robson@tynefood.example.org",
            "olivia.grant@hartwell.example.org",
        ],
    },
    {
        "text": (
            "What happens to young people's earnings and wellbeing in the two years after a "
            "benefit sanction?"
        ),
        "action": (
            "Decide whether to fund a longitudinal study of young claimants with a university "
            "partner."
        ),
        "action_type": "fund-commission",
        "themes": ["income-benefits", "work"],
        "geography": "UK-wide",
        "population_groups": ["young people 16-24"],
        "org": "hartwell",
        "author": "olivia.grant@hartwell.example.org",
        "show_org": True,
        "status": "open",
        "family": "benefit-sanctions",
        "supporters": [],
    },
    # --- two-child-limit
    {
        "text": (
            "How many children in Glasgow live in families affected by the two-child limit, "
            "and how much income have those families lost each year?"
        ),
        "action": (
            "Inform Scottish and UK government debate about the cost of mitigating or removing "
            "the limit."
        ),
        "action_type": "influence-policy",
        "themes": ["income-benefits", "child-poverty"],
        "geography": "Glasgow City",
        "population_groups": ["larger families"],
        "org": "clydecentre",
        "author": "aamir.hussain@clydecentre.example.org",
        "show_org": True,
        "status": "open",
        "family": "two-child-limit",
        "supporters": [],
    },
    {
        "text": (
            "How many of our pupils are in families with three or more children who have been "
            "hit by the two-child limit?"
        ),
        "action": (
            "Target our family support workers and uniform grants at larger families on "
            "Universal Credit."
        ),
        "action_type": "target-resources",
        "themes": ["income-benefits", "child-poverty"],
        "geography": "Oldham",
        "population_groups": ["larger families"],
        "org": "pennine",
        "author": "leanne.ogden@pennine.example.org",
        "show_org": True,
        "status": "open",
        "family": "two-child-limit",
        "supporters": [
            "dave.charlton@tynefood.example.org",
            "morag.campbell@clydecentre.example.org",
        ],
    },
    {
        "text": (
            "What difference does removing the two-child limit make to child poverty, and how "
            "quickly will it show up in the statistics?"
        ),
        "action": (
            "Track and publish the effect of the policy change so that the gains are not "
            "quietly reversed."
        ),
        "action_type": "evaluate-impact",
        "themes": ["income-benefits", "child-poverty"],
        "geography": "UK-wide",
        "population_groups": ["larger families"],
        "org": "everyday",
        "author": "hannah.levy@everyday.example.org",
        "show_org": True,
        "status": "open",
        "family": "two-child-limit",
        "supporters": ["james.whittaker@pennine.example.org"],
    },
    {
        "text": (
            "What happens to larger families' spending on food, housing and children's "
            "activities when the two-child limit no longer applies?"
        ),
        "action": (
            "Decide whether to fund a follow-up study of families affected by the policy change."
        ),
        "action_type": "fund-commission",
        "themes": ["income-benefits", "child-poverty"],
        "geography": "UK-wide",
        "population_groups": ["larger families"],
        "org": "hartwell",
        "author": "olivia.grant@hartwell.example.org",
        "show_org": True,
        "status": "open",
        "family": "two-child-limit",
        "supporters": ["claire.hollis@dpt.example.org"],
    },
    {
        "text": (
            "Do larger families make up a bigger share of our food bank referrals than they "
            "did before the two-child limit was introduced?"
        ),
        "action": (
            "Campaign for adequate support for larger families, drawing on our own referral "
            "evidence."
        ),
        "action_type": "campaign",
        "themes": ["income-benefits", "child-poverty", "food"],
        "geography": "North East",
        "population_groups": ["larger families"],
        "org": "tynefood",
        "author": "dave.charlton@tynefood.example.org",
        "show_org": False,
        "status": "open",
        "family": "two-child-limit",
        "supporters": [
            "fiona.mcleod@clydecentre.example.org",
            "kwame.asante@merseyca.example.org",
            "olivia.grant@hartwell.example.org",
        ],
    },
    {
        "text": (
            "Which of our clients' families would gain most if the two-child limit were "
            "scrapped, and by how much each week?"
        ),
        "action": (
            "Gather case studies for the joint campaign to scrap the two-child limit before "
            "the Budget."
        ),
        "action_type": "campaign",
        "themes": ["income-benefits", "child-poverty"],
        "geography": "Wales",
        "population_groups": ["larger families"],
        "org": "valleysadvice",
        "author": "rhian.morgan@valleysadvice.example.org",
        "show_org": True,
        "status": "archived",
        "family": "two-child-limit",
        "supporters": [
            "morag.campbell@clydecentre.example.org",
            "olivia.grant@hartwell.example.org",
        ],
    },
    # --- benefit-take-up
    {
        "text": (
            "How many Bradford households are missing out on benefits they are entitled to, "
            "and which benefits account for most of the unclaimed money?"
        ),
        "action": (
            "Target a council-led take-up campaign at the benefits and neighbourhoods with the "
            "biggest gaps."
        ),
        "action_type": "target-resources",
        "themes": ["income-benefits"],
        "geography": "Bradford",
        "population_groups": [],
        "org": "bradford",
        "author": "imran.akhtar@bradford.example.org",
        "show_org": True,
        "status": "open",
        "family": "benefit-take-up",
        "supporters": [
            "siobhan.mcgrath@lagan.example.org",
            "claire.hollis@dpt.example.org",
            "amina.yusuf@elmr.example.org",
            "priya.nair@humbericb.example.org",
        ],
    },
    {
        "text": (
            "When we do a full benefit check, which entitlements are clients most often not "
            "claiming, and how much does it add to their income?"
        ),
        "action": (
            "Make the case to the Welsh Government for funding benefit checks in GP surgeries "
            "and schools."
        ),
        "action_type": "influence-policy",
        "themes": ["income-benefits"],
        "geography": "Wales",
        "population_groups": [],
        "org": "valleysadvice",
        "author": "gareth.pugh@valleysadvice.example.org",
        "show_org": True,
        "status": "open",
        "family": "benefit-take-up",
        "supporters": ["conor.doherty@lagan.example.org"],
    },
    {
        "text": (
            "Can take-up of means-tested benefits be estimated reliably for each local authority?"
        ),
        "action": (
            "Develop experimental local take-up estimates that councils can use to plan campaigns."
        ),
        "action_type": "understand-need",
        "themes": ["income-benefits"],
        "geography": "UK-wide",
        "population_groups": [],
        "org": "ukss",
        "author": "neil.fraser@ukss.example.org",
        "show_org": True,
        "status": "open",
        "family": "benefit-take-up",
        "supporters": [],
    },
    {
        "text": (
            "Which ways of raising benefit take-up, such as data matching, letters, "
            "door-knocking or advice in schools, bring in most income per pound spent?"
        ),
        "action": (
            "Decide which take-up approach the combined authority should fund across all six "
            "boroughs."
        ),
        "action_type": "fund-commission",
        "themes": ["income-benefits"],
        "geography": "North West",
        "population_groups": [],
        "org": "merseyca",
        "author": "kwame.asante@merseyca.example.org",
        "show_org": True,
        "status": "open",
        "family": "benefit-take-up",
        "supporters": [
            "kate.holmes@bradford.example.org",
            "olivia.grant@hartwell.example.org",
            "sunita.patel@ukss.example.org",
            "pete.hocking@kernow.example.org",
        ],
    },
    {
        "text": (
            "Are people in rural Cornwall less likely to claim what they are owed because of "
            "distance, stigma or not wanting the neighbours to know?"
        ),
        "action": (
            "Design a discreet outreach and phone benefit check service for rural households."
        ),
        "action_type": "design-service",
        "themes": ["income-benefits", "rural"],
        "geography": "Cornwall",
        "population_groups": ["rural households"],
        "org": "kernow",
        "author": "jenna.trewin@kernow.example.org",
        "show_org": True,
        "status": "open",
        "family": "benefit-take-up",
        "supporters": [],
    },
    {
        "text": (
            "How much unclaimed benefit do we find for clients who come to us with debts, and "
            "does it change whether their debts can be repaid?"
        ),
        "action": (
            "Change our debt advice process so that a full benefit check always comes first."
        ),
        "action_type": "design-service",
        "themes": ["income-benefits", "debt"],
        "geography": "Northern Ireland",
        "population_groups": [],
        "org": "lagan",
        "author": "conor.doherty@lagan.example.org",
        "show_org": True,
        "status": "open",
        "family": "benefit-take-up",
        "supporters": ["gareth.pugh@valleysadvice.example.org"],
    },
    # --- pip-assessments
    {
        "text": (
            "How many PIP decisions are overturned at mandatory reconsideration or appeal, and "
            "for which conditions?"
        ),
        "action": ("Campaign for reform of PIP assessments using evidence on overturn rates."),
        "action_type": "campaign",
        "themes": ["disability", "income-benefits"],
        "geography": "UK-wide",
        "population_groups": ["disabled people"],
        "org": "dpt",
        "author": "claire.hollis@dpt.example.org",
        "show_org": True,
        "status": "prioritised",
        "family": "pip-assessments",
        "supporters": [
            "siobhan.mcgrath@lagan.example.org",
            "fiona.mcleod@clydecentre.example.org",
            "gareth.pugh@valleysadvice.example.org",
        ],
    },
    {
        "text": (
            "Is the move from PIP to Adult Disability Payment in Scotland giving disabled "
            "people fairer and less stressful decisions?"
        ),
        "action": (
            "Offer evidence from Scotland's approach to inform reform of PIP assessments "
            "elsewhere in the UK."
        ),
        "action_type": "evaluate-impact",
        "themes": ["disability", "income-benefits"],
        "geography": "Scotland",
        "population_groups": ["disabled people"],
        "org": "clydecentre",
        "author": "morag.campbell@clydecentre.example.org",
        "show_org": True,
        "status": "open",
        "family": "pip-assessments",
        "supporters": [
            "conor.doherty@lagan.example.org",
            "sam.oduya@dpt.example.org",
            "helen.whitfield@northstar.example.org",
        ],
    },
    {
        "text": (
            "How long are clients waiting for PIP decisions, reconsiderations and tribunal "
            "hearings, and how do they get by in the meantime?"
        ),
        "action": ("Make the case for interim payments while PIP decisions are disputed."),
        "action_type": "influence-policy",
        "themes": ["disability", "income-benefits"],
        "geography": "Wales",
        "population_groups": ["disabled people"],
        "org": "valleysadvice",
        "author": "rhian.morgan@valleysadvice.example.org",
        "show_org": True,
        "status": "open",
        "family": "pip-assessments",
        "supporters": [],
    },
    {
        "text": (
            "How many patients with mental health conditions lose PIP at review, and does "
            "their health get worse afterwards?"
        ),
        "action": (
            "Decide whether to fund welfare rights advisers in community mental health teams."
        ),
        "action_type": "fund-commission",
        "themes": ["disability", "income-benefits", "mental-health"],
        "geography": "Yorkshire and the Humber",
        "population_groups": ["people with mental health conditions"],
        "org": "humbericb",
        "author": "priya.nair@humbericb.example.org",
        "show_org": True,
        "status": "open",
        "family": "pip-assessments",
        "supporters": [],
    },
    {
        "text": (
            "How many PIP claimants in Northern Ireland lose their award at review and then "
            "fall into debt?"
        ),
        "action": (
            "Give the Department for Communities evidence on the debt impact of PIP review "
            "decisions."
        ),
        "action_type": "influence-policy",
        "themes": ["disability", "income-benefits", "debt"],
        "geography": "Northern Ireland",
        "population_groups": ["disabled people"],
        "org": "lagan",
        "author": "conor.doherty@lagan.example.org",
        "show_org": False,
        "status": "open",
        "family": "pip-assessments",
        "supporters": [
            "ruth.okafor@warmhomes.example.org",
            "dave.charlton@tynefood.example.org",
        ],
    },
    {
        "text": (
            "Which kinds of advice and support most improve the accuracy of PIP decisions the "
            "first time round?"
        ),
        "action": (
            "Decide whether to fund specialist PIP advice at the claim stage rather than at appeal."
        ),
        "action_type": "fund-commission",
        "themes": ["disability", "income-benefits"],
        "geography": "UK-wide",
        "population_groups": ["disabled people"],
        "org": "hartwell",
        "author": "olivia.grant@hartwell.example.org",
        "show_org": True,
        "status": "open",
        "family": "pip-assessments",
        "supporters": [
            "ruth.okafor@warmhomes.example.org",
            "gareth.pugh@valleysadvice.example.org",
        ],
    },
    # --- managed-migration
    {
        "text": (
            "How many people on legacy benefits missed the deadline to claim Universal Credit "
            "after a migration notice, and what happened to their income?"
        ),
        "action": (
            "Target outreach at people who have lost benefits through the move to Universal Credit."
        ),
        "action_type": "target-resources",
        "themes": ["income-benefits"],
        "geography": "Wales",
        "population_groups": ["people on legacy benefits"],
        "org": "valleysadvice",
        "author": "gareth.pugh@valleysadvice.example.org",
        "show_org": True,
        "status": "open",
        "family": "managed-migration",
        "supporters": ["amina.yusuf@elmr.example.org"],
    },
    {
        "text": (
            "Are disabled people moving from ESA to Universal Credit losing money once their "
            "transitional protection wears away?"
        ),
        "action": (
            "Campaign for transitional protection to be kept for disabled people who would "
            "otherwise lose out."
        ),
        "action_type": "campaign",
        "themes": ["income-benefits", "disability"],
        "geography": "UK-wide",
        "population_groups": ["disabled people", "people on legacy benefits"],
        "org": "dpt",
        "author": "sam.oduya@dpt.example.org",
        "show_org": True,
        "status": "open",
        "family": "managed-migration",
        "supporters": [
            "kwame.asante@merseyca.example.org",
            "helen.whitfield@northstar.example.org",
            "siobhan.mcgrath@lagan.example.org",
        ],
    },
    {
        "text": (
            "What share of people sent a migration notice claim Universal Credit in time, and "
            "how does that differ by benefit and age?"
        ),
        "action": (
            "Publish clearer statistics on people who do not move across, so support can be "
            "targeted."
        ),
        "action_type": "understand-need",
        "themes": ["income-benefits"],
        "geography": "UK-wide",
        "population_groups": ["people on legacy benefits"],
        "org": "ukss",
        "author": "neil.fraser@ukss.example.org",
        "show_org": True,
        "status": "open",
        "family": "managed-migration",
        "supporters": [
            "conor.doherty@lagan.example.org",
            "pete.hocking@kernow.example.org",
            "morag.campbell@clydecentre.example.org",
        ],
    },
    {
        "text": (
            "How is the move to Universal Credit affecting older working-age clients who have "
            "never made a claim online?"
        ),
        "action": ("Design assisted-claim sessions for clients who receive a migration notice."),
        "action_type": "design-service",
        "themes": ["income-benefits", "digital-exclusion"],
        "geography": "Northern Ireland",
        "population_groups": ["people aged 50-64"],
        "org": "lagan",
        "author": "siobhan.mcgrath@lagan.example.org",
        "show_org": True,
        "status": "open",
        "family": "managed-migration",
        "supporters": [
            "helen.whitfield@northstar.example.org",
            "pete.hocking@kernow.example.org",
        ],
    },
    {
        "text": (
            "How many of our tenants on housing benefit will move to Universal Credit in the "
            "next year, and how many are at risk of arrears when they do?"
        ),
        "action": (
            "Plan tenancy sustainment visits for tenants before their migration notice arrives."
        ),
        "action_type": "target-resources",
        "themes": ["income-benefits", "housing"],
        "geography": "West Midlands",
        "population_groups": ["social housing tenants"],
        "org": "northstar",
        "author": "marcus.reid@northstar.example.org",
        "show_org": False,
        "status": "open",
        "family": "managed-migration",
        "supporters": [],
    },
    # --- local-welfare-assistance
    {
        "text": (
            "Who applies to our discretionary support fund, what do they ask for, and how many "
            "come back within six months?"
        ),
        "action": (
            "Redesign the fund so repeat applicants get advice and a longer-term plan, not "
            "just another one-off award."
        ),
        "action_type": "design-service",
        "themes": ["income-benefits"],
        "geography": "Bradford",
        "population_groups": [],
        "org": "bradford",
        "author": "kate.holmes@bradford.example.org",
        "show_org": True,
        "status": "open",
        "family": "local-welfare-assistance",
        "supporters": [
            "fiona.mcleod@clydecentre.example.org",
            "siobhan.mcgrath@lagan.example.org",
        ],
    },
    {
        "text": (
            "How do crisis grant schemes differ between the councils in our area, and are "
            "people being turned away because of where they live?"
        ),
        "action": (
            "Make the case for a consistent minimum local welfare offer across the West of England."
        ),
        "action_type": "influence-policy",
        "themes": ["income-benefits"],
        "geography": "South West",
        "population_groups": [],
        "org": "severncf",
        "author": "anna.price@severncf.example.org",
        "show_org": True,
        "status": "open",
        "family": "local-welfare-assistance",
        "supporters": ["fiona.mcleod@clydecentre.example.org"],
    },
    {
        "text": (
            "Do Scottish Welfare Fund crisis grants stop people needing food banks, or are "
            "awards too small and too slow?"
        ),
        "action": ("Inform the review of the Scottish Welfare Fund with evidence on outcomes."),
        "action_type": "evaluate-impact",
        "themes": ["income-benefits", "food"],
        "geography": "Scotland",
        "population_groups": [],
        "org": "clydecentre",
        "author": "morag.campbell@clydecentre.example.org",
        "show_org": False,
        "status": "open",
        "family": "local-welfare-assistance",
        "supporters": ["joanne.byrne@merseyca.example.org"],
    },
    {
        "text": (
            "What would it cost to give every area in England a properly funded, permanent "
            "local crisis support scheme?"
        ),
        "action": (
            "Decide whether to back a national campaign for permanent local crisis support funding."
        ),
        "action_type": "campaign",
        "themes": ["income-benefits"],
        "geography": "England",
        "population_groups": [],
        "org": "hartwell",
        "author": "olivia.grant@hartwell.example.org",
        "show_org": True,
        "status": "open",
        "family": "local-welfare-assistance",
        "supporters": [
            "imran.akhtar@bradford.example.org",
            "anna.price@severncf.example.org",
            "kwame.asante@merseyca.example.org",
        ],
    },
    {
        "text": (
            "How should the boroughs split the last round of Household Support Fund money "
            "between food, energy and direct cash?"
        ),
        "action": ("Agree a shared allocation policy for the final round of the fund."),
        "action_type": "target-resources",
        "themes": ["income-benefits"],
        "geography": "North West",
        "population_groups": [],
        "org": "merseyca",
        "author": "kwame.asante@merseyca.example.org",
        "show_org": True,
        "status": "archived",
        "family": "local-welfare-assistance",
        "supporters": [
            "helen.whitfield@northstar.example.org",
            "anna.price@severncf.example.org",
        ],
    },
    # --- council-tax-arrears
    {
        "text": (
            "How many households in council tax arrears are on Universal Credit or council tax "
            "support, and how quickly do their debts reach enforcement?"
        ),
        "action": (
            "Redesign our collection process so low-income households are offered affordable "
            "plans before a summons."
        ),
        "action_type": "design-service",
        "themes": ["debt", "income-benefits"],
        "geography": "Bradford",
        "population_groups": ["people on Universal Credit"],
        "org": "bradford",
        "author": "imran.akhtar@bradford.example.org",
        "show_org": True,
        "status": "prioritised",
        "family": "council-tax-arrears",
        "supporters": [
            "dave.charlton@tynefood.example.org",
            "steve.marshall@humbericb.example.org",
            "mark.ellery@severncf.example.org",
            "joanne.byrne@merseyca.example.org",
            "tom.ashby@fenlanduni.example.org",
        ],
    },
    {
        "text": (
            "Why is council tax now the most common debt our clients have, and what part do "
            "liability orders and court costs play?"
        ),
        "action": (
            "Make the case to Welsh councils to follow the council tax protocol and stop "
            "adding court costs for low-income households."
        ),
        "action_type": "influence-policy",
        "themes": ["debt"],
        "geography": "Wales",
        "population_groups": [],
        "org": "valleysadvice",
        "author": "gareth.pugh@valleysadvice.example.org",
        "show_org": True,
        "status": "prioritised",
        "family": "council-tax-arrears",
        "supporters": [
            "kwame.asante@merseyca.example.org",
            "tom.ashby@fenlanduni.example.org",
            "kate.holmes@bradford.example.org",
            "anna.price@severncf.example.org",
        ],
    },
    {
        "text": (
            "How much has council tax debt grown since local support schemes replaced council "
            "tax benefit, and who owes it?"
        ),
        "action": ("Publish evidence for reform of council tax collection and support."),
        "action_type": "influence-policy",
        "themes": ["debt"],
        "geography": "England",
        "population_groups": [],
        "org": "everyday",
        "author": "hannah.levy@everyday.example.org",
        "show_org": True,
        "status": "prioritised",
        "family": "council-tax-arrears",
        "supporters": [
            "grace.okonkwo@fenlanduni.example.org",
            "helen.whitfield@northstar.example.org",
            "steve.marshall@humbericb.example.org",
        ],
    },
    {
        "text": (
            "Do cuts to council tax support for working-age households create more arrears "
            "than they raise in revenue?"
        ),
        "action": (
            "Produce evidence councils can use when they set their council tax support schemes."
        ),
        "action_type": "evaluate-impact",
        "themes": ["debt", "income-benefits"],
        "geography": "England",
        "population_groups": [],
        "org": "fenlanduni",
        "author": "tom.ashby@fenlanduni.example.org",
        "show_org": True,
        "status": "prioritised",
        "family": "council-tax-arrears",
        "supporters": [
            "kwame.asante@merseyca.example.org",
            "rhian.morgan@valleysadvice.example.org",
            "conor.doherty@lagan.example.org",
            "aamir.hussain@clydecentre.example.org",
        ],
    },
    {
        "text": (
            "Which council tax support scheme designs in our boroughs lead to the lowest "
            "arrears among low-income households?"
        ),
        "action": (
            "Recommend a common, simpler council tax support scheme for the whole combined "
            "authority area."
        ),
        "action_type": "influence-policy",
        "themes": ["debt", "income-benefits"],
        "geography": "North West",
        "population_groups": [],
        "org": "merseyca",
        "author": "kwame.asante@merseyca.example.org",
        "show_org": True,
        "status": "prioritised",
        "family": "council-tax-arrears",
        "supporters": [
            "claire.hollis@dpt.example.org",
            "kate.holmes@bradford.example.org",
            "gareth.pugh@valleysadvice.example.org",
        ],
    },
    {
        "text": (
            "How many people seeking crisis grants in our area have council tax debts that "
            "have been passed to enforcement agents?"
        ),
        "action": (
            "Decide whether to fund specialist council tax debt advice alongside our crisis grants."
        ),
        "action_type": "fund-commission",
        "themes": ["debt"],
        "geography": "Gloucestershire",
        "population_groups": [],
        "org": "severncf",
        "author": "anna.price@severncf.example.org",
        "show_org": True,
        "status": "open",
        "family": "council-tax-arrears",
        "supporters": [
            "neil.fraser@ukss.example.org",
            "joanne.byrne@merseyca.example.org",
        ],
    },
    # --- bailiff-enforcement
    {
        "text": (
            "How many clients have had bailiffs call about council tax or parking debts, and "
            "how often were fees added that they could not afford?"
        ),
        "action": "Campaign for independent regulation of enforcement agents.",
        "action_type": "campaign",
        "themes": ["debt"],
        "geography": "Wales",
        "population_groups": [],
        "org": "valleysadvice",
        "author": "gareth.pugh@valleysadvice.example.org",
        "show_org": True,
        "status": "open",
        "family": "bailiff-enforcement",
        "supporters": [
            "ben.taylor@warmhomes.example.org",
            "claire.hollis@dpt.example.org",
            "pete.hocking@kernow.example.org",
        ],
    },
    {
        "text": (
            "Does sending council tax arrears to enforcement agents recover more money from "
            "low-income households than an affordable payment plan?"
        ),
        "action": (
            "Decide whether to stop passing council tax support recipients to enforcement agents."
        ),
        "action_type": "evaluate-impact",
        "themes": ["debt"],
        "geography": "Bradford",
        "population_groups": ["people on council tax support"],
        "org": "bradford",
        "author": "kate.holmes@bradford.example.org",
        "show_org": False,
        "status": "open",
        "family": "bailiff-enforcement",
        "supporters": [
            "sam.oduya@dpt.example.org",
            "rhian.morgan@valleysadvice.example.org",
        ],
    },
    {
        "text": (
            "Are bailiffs identifying disabled people and people with mental health conditions "
            "as vulnerable, and what happens when they do not?"
        ),
        "action": (
            "Make the case for mandatory vulnerability checks before any enforcement visit."
        ),
        "action_type": "influence-policy",
        "themes": ["debt", "disability"],
        "geography": "England",
        "population_groups": ["disabled people", "people with mental health conditions"],
        "org": "dpt",
        "author": "claire.hollis@dpt.example.org",
        "show_org": True,
        "status": "open",
        "family": "bailiff-enforcement",
        "supporters": ["gareth.pugh@valleysadvice.example.org"],
    },
    {
        "text": (
            "How many households were visited by enforcement agents last year over public "
            "sector debts, and what fees were added?"
        ),
        "action": ("Publish analysis supporting a cap on enforcement fees for government debts."),
        "action_type": "influence-policy",
        "themes": ["debt"],
        "geography": "England",
        "population_groups": [],
        "org": "everyday",
        "author": "hannah.levy@everyday.example.org",
        "show_org": True,
        "status": "open",
        "family": "bailiff-enforcement",
        "supporters": [
            "rhian.morgan@valleysadvice.example.org",
            "claire.hollis@dpt.example.org",
            "jenna.trewin@kernow.example.org",
        ],
    },
    # --- buy-now-pay-later
    {
        "text": (
            "How many of our clients use buy now pay later for food and essentials, and are "
            "these debts being missed in their budgets?"
        ),
        "action": (
            "Change our financial statement so advisers always ask about buy now pay later."
        ),
        "action_type": "design-service",
        "themes": ["debt"],
        "geography": "Belfast",
        "population_groups": [],
        "org": "lagan",
        "author": "conor.doherty@lagan.example.org",
        "show_org": True,
        "status": "open",
        "family": "buy-now-pay-later",
        "supporters": [
            "ruth.okafor@warmhomes.example.org",
            "priya.nair@humbericb.example.org",
        ],
    },
    {
        "text": (
            "Who uses buy now pay later for everyday essentials, and does it predict problem "
            "debt later on?"
        ),
        "action": (
            "Inform the Financial Conduct Authority's approach as buy now pay later comes "
            "under regulation."
        ),
        "action_type": "influence-policy",
        "themes": ["debt"],
        "geography": "UK-wide",
        "population_groups": ["young people 16-24"],
        "org": "fenlanduni",
        "author": "tom.ashby@fenlanduni.example.org",
        "show_org": True,
        "status": "open",
        "family": "buy-now-pay-later",
        "supporters": [],
    },
    {
        "text": (
            "How much do low-income households owe on buy now pay later, and how many are "
            "borrowing from one provider to repay another?"
        ),
        "action": (
            "Publish evidence on the stacking of buy now pay later loans to shape the new rules."
        ),
        "action_type": "campaign",
        "themes": ["debt"],
        "geography": "UK-wide",
        "population_groups": [],
        "org": "everyday",
        "author": "hannah.levy@everyday.example.org",
        "show_org": True,
        "status": "open",
        "family": "buy-now-pay-later",
        "supporters": ["fiona.mcleod@clydecentre.example.org"],
    },
    {
        "text": (
            "Are people coming to the food bank because buy now pay later repayments left "
            "their bank account before rent and food were paid?"
        ),
        "action": (
            "Train referral partners to ask about buy now pay later and refer people for debt "
            "advice."
        ),
        "action_type": "design-service",
        "themes": ["debt", "food"],
        "geography": "North East",
        "population_groups": [],
        "org": "tynefood",
        "author": "dave.charlton@tynefood.example.org",
        "show_org": True,
        "status": "open",
        "family": "buy-now-pay-later",
        "supporters": [],
    },
    {
        "text": (
            "Are parents using buy now pay later to pay for school uniform and Christmas, and "
            "how are they repaying it?"
        ),
        "action": ("Time our uniform swaps and family support so fewer parents need credit."),
        "action_type": "design-service",
        "themes": ["debt", "child-poverty"],
        "geography": "Rochdale",
        "population_groups": ["parents on low incomes"],
        "org": "pennine",
        "author": "leanne.ogden@pennine.example.org",
        "show_org": True,
        "status": "open",
        "family": "buy-now-pay-later",
        "supporters": ["grace.okonkwo@fenlanduni.example.org"],
    },
    # --- illegal-money-lending
    {
        "text": (
            "How common is borrowing from paramilitary-linked or other unlicensed lenders "
            "among our clients, and what drives people to them?"
        ),
        "action": (
            "Work with the Department for Communities and credit unions to design affordable "
            "emergency loans."
        ),
        "action_type": "design-service",
        "themes": ["debt"],
        "geography": "Northern Ireland",
        "population_groups": [],
        "org": "lagan",
        "author": "siobhan.mcgrath@lagan.example.org",
        "show_org": False,
        "status": "open",
        "family": "illegal-money-lending",
        "supporters": [],
    },
    {
        "text": (
            "Has the decline of doorstep and payday lending pushed more people towards illegal "
            "money lenders?"
        ),
        "action": (
            "Give regulators evidence on the gap left by the shrinking high-cost credit market."
        ),
        "action_type": "understand-need",
        "themes": ["debt"],
        "geography": "UK-wide",
        "population_groups": [],
        "org": "fenlanduni",
        "author": "grace.okonkwo@fenlanduni.example.org",
        "show_org": True,
        "status": "open",
        "family": "illegal-money-lending",
        "supporters": ["conor.doherty@lagan.example.org"],
    },
    {
        "text": (
            "Which neighbourhoods in Bradford have the most reports of loan sharks, and are "
            "they the places with fewest affordable credit options?"
        ),
        "action": ("Target the credit union expansion and illegal money lending awareness work."),
        "action_type": "target-resources",
        "themes": ["debt"],
        "geography": "Bradford",
        "population_groups": [],
        "org": "bradford",
        "author": "imran.akhtar@bradford.example.org",
        "show_org": True,
        "status": "open",
        "family": "illegal-money-lending",
        "supporters": [],
    },
    {
        "text": (
            "Are people with no recourse to public funds borrowing from informal lenders in "
            "their community to survive, and on what terms?"
        ),
        "action": (
            "Design safe emergency support so families are not pushed into exploitative loans."
        ),
        "action_type": "design-service",
        "themes": ["debt", "migrants"],
        "geography": "Tower Hamlets",
        "population_groups": ["people with no recourse to public funds"],
        "org": "elmr",
        "author": "amina.yusuf@elmr.example.org",
        "show_org": False,
        "status": "open",
        "family": "illegal-money-lending",
        "supporters": ["tom.ashby@fenlanduni.example.org"],
    },
    # --- debt-advice-outcomes
    {
        "text": (
            "What has happened to our clients six months after debt advice: are they keeping "
            "up with payments, and do they come back?"
        ),
        "action": (
            "Evaluate our service and show funders the lasting difference debt advice makes."
        ),
        "action_type": "evaluate-impact",
        "themes": ["debt"],
        "geography": "Northern Ireland",
        "population_groups": [],
        "org": "lagan",
        "author": "conor.doherty@lagan.example.org",
        "show_org": False,
        "status": "open",
        "family": "debt-advice-outcomes",
        "supporters": ["steve.marshall@humbericb.example.org"],
    },
    {
        "text": (
            "Which debt solutions, such as breathing space, debt relief orders or repayment "
            "plans, leave people better off two years later?"
        ),
        "action": ("Decide which debt advice models to fund in our next strategy."),
        "action_type": "fund-commission",
        "themes": ["debt"],
        "geography": "UK-wide",
        "population_groups": [],
        "org": "hartwell",
        "author": "olivia.grant@hartwell.example.org",
        "show_org": True,
        "status": "open",
        "family": "debt-advice-outcomes",
        "supporters": [
            "siobhan.mcgrath@lagan.example.org",
            "claire.hollis@dpt.example.org",
            "helen.whitfield@northstar.example.org",
        ],
    },
    {
        "text": (
            "Does getting debt advice improve patients' mental health and reduce their use of "
            "GP and mental health services?"
        ),
        "action": (
            "Make the case for the ICB to commission debt advice within mental health pathways."
        ),
        "action_type": "evaluate-impact",
        "themes": ["debt", "mental-health"],
        "geography": "Yorkshire and the Humber",
        "population_groups": ["people with mental health conditions"],
        "org": "humbericb",
        "author": "priya.nair@humbericb.example.org",
        "show_org": False,
        "status": "open",
        "family": "debt-advice-outcomes",
        "supporters": ["gareth.pugh@valleysadvice.example.org"],
    },
    {
        "text": ("How many debt clients drop out before a solution is in place, and why?"),
        "action": (
            "Redesign our casework so fewer clients disengage before their debts are resolved."
        ),
        "action_type": "design-service",
        "themes": ["debt"],
        "geography": "Wales",
        "population_groups": [],
        "org": "valleysadvice",
        "author": "gareth.pugh@valleysadvice.example.org",
        "show_org": True,
        "status": "open",
        "family": "debt-advice-outcomes",
        "supporters": ["conor.doherty@lagan.example.org"],
    },
    # --- in-work-poverty
    {
        "text": (
            "Why are more families in poverty now in work than out of work, and which jobs and "
            "household types are most affected?"
        ),
        "action": (
            "Publish evidence to inform the Scottish Government's fair work and child poverty "
            "plans."
        ),
        "action_type": "influence-policy",
        "themes": ["work", "income-benefits"],
        "geography": "Scotland",
        "population_groups": ["working families"],
        "org": "clydecentre",
        "author": "aamir.hussain@clydecentre.example.org",
        "show_org": True,
        "status": "prioritised",
        "family": "in-work-poverty",
        "supporters": [
            "kwame.asante@merseyca.example.org",
            "hannah.levy@everyday.example.org",
            "dave.charlton@tynefood.example.org",
            "kate.holmes@bradford.example.org",
        ],
    },
    {
        "text": (
            "What share of people referred to our food banks are in paid work, and what kinds "
            "of jobs do they do?"
        ),
        "action": ("Engage local employers on pay and hours using evidence from our referrals."),
        "action_type": "campaign",
        "themes": ["work", "food"],
        "geography": "North East",
        "population_groups": ["working families"],
        "org": "tynefood",
        "author": "sarah.robson@tynefood.example.org",
        "show_org": True,
        "status": "open",
        "family": "in-work-poverty",
        "supporters": ["hannah.levy@everyday.example.org"],
    },
    {
        "text": (
            "Which sectors in our area have the most workers paid below the Real Living Wage, "
            "and how many of those workers live in poor households?"
        ),
        "action": (
            "Target the combined authority's good employment charter at the sectors with the "
            "most in-work poverty."
        ),
        "action_type": "target-resources",
        "themes": ["work", "income-benefits"],
        "geography": "North West",
        "population_groups": ["low-paid workers"],
        "org": "merseyca",
        "author": "kwame.asante@merseyca.example.org",
        "show_org": True,
        "status": "open",
        "family": "in-work-poverty",
        "supporters": [
            "aamir.hussain@clydecentre.example.org",
            "marcus.reid@northstar.example.org",
            "dave.charlton@tynefood.example.org",
            "steve.marshall@humbericb.example.org",
        ],
    },
    {
        "text": (
            "How many working households are left with less than the Minimum Income Standard "
            "after housing costs, and how has that changed since 2019?"
        ),
        "action": (
            "Publish a living standards briefing for the Low Pay Commission and the Treasury."
        ),
        "action_type": "influence-policy",
        "themes": ["work", "income-benefits"],
        "geography": "UK-wide",
        "population_groups": ["working families"],
        "org": "everyday",
        "author": "hannah.levy@everyday.example.org",
        "show_org": True,
        "status": "open",
        "family": "in-work-poverty",
        "supporters": [
            "fiona.mcleod@clydecentre.example.org",
            "ruth.okafor@warmhomes.example.org",
        ],
    },
    {
        "text": (
            "Are the people applying for our crisis grants increasingly in work, and what jobs "
            "do they have?"
        ),
        "action": (
            "Decide whether to fund advice services that open in the evenings and at weekends "
            "for working people."
        ),
        "action_type": "fund-commission",
        "themes": ["work", "income-benefits"],
        "geography": "South West",
        "population_groups": ["working families"],
        "org": "severncf",
        "author": "anna.price@severncf.example.org",
        "show_org": False,
        "status": "open",
        "family": "in-work-poverty",
        "supporters": [
            "fiona.mcleod@clydecentre.example.org",
            "helen.whitfield@northstar.example.org",
        ],
    },
    {
        "text": (
            "How many of our working tenants are still in rent arrears, and what does that say "
            "about low pay and short hours?"
        ),
        "action": (
            "Make the case to local employers and the council for a living wage and secure "
            "hours campaign."
        ),
        "action_type": "campaign",
        "themes": ["work", "housing"],
        "geography": "West Midlands",
        "population_groups": ["working families", "social housing tenants"],
        "org": "northstar",
        "author": "helen.whitfield@northstar.example.org",
        "show_org": True,
        "status": "open",
        "family": "in-work-poverty",
        "supporters": ["grace.okonkwo@fenlanduni.example.org"],
    },
    # --- zero-hours-contracts
    {
        "text": (
            "How do people on zero-hours contracts manage Universal Credit when their earnings "
            "change every month?"
        ),
        "action": (
            "Inform DWP's work on smoothing Universal Credit payments for people with "
            "irregular earnings."
        ),
        "action_type": "influence-policy",
        "themes": ["work", "income-benefits"],
        "geography": "Glasgow City",
        "population_groups": ["people on zero-hours contracts"],
        "org": "clydecentre",
        "author": "morag.campbell@clydecentre.example.org",
        "show_org": True,
        "status": "open",
        "family": "zero-hours-contracts",
        "supporters": [
            "helen.whitfield@northstar.example.org",
            "sarah.robson@tynefood.example.org",
            "kate.holmes@bradford.example.org",
        ],
    },
    {
        "text": (
            "How many Universal Credit claimants in Bradford have variable earnings, and how "
            "often do their payments drop to almost nothing?"
        ),
        "action": (
            "Design a budgeting and crisis support offer for workers with unpredictable pay."
        ),
        "action_type": "design-service",
        "themes": ["work", "income-benefits"],
        "geography": "Bradford",
        "population_groups": ["people on zero-hours contracts"],
        "org": "bradford",
        "author": "kate.holmes@bradford.example.org",
        "show_org": True,
        "status": "open",
        "family": "zero-hours-contracts",
        "supporters": [
            "sarah.robson@tynefood.example.org",
            "olivia.grant@hartwell.example.org",
            "morag.campbell@clydecentre.example.org",
        ],
    },
    {
        "text": (
            "Do zero-hours contracts lead to more debt and missed bills than fixed-hours jobs "
            "on the same hourly pay?"
        ),
        "action": (
            "Provide evidence on how the new right to guaranteed hours should be put into practice."
        ),
        "action_type": "influence-policy",
        "themes": ["work", "debt"],
        "geography": "UK-wide",
        "population_groups": ["people on zero-hours contracts"],
        "org": "fenlanduni",
        "author": "tom.ashby@fenlanduni.example.org",
        "show_org": True,
        "status": "open",
        "family": "zero-hours-contracts",
        "supporters": [
            "kate.holmes@bradford.example.org",
            "morag.campbell@clydecentre.example.org",
            "leanne.ogden@pennine.example.org",
        ],
    },
    {
        "text": (
            "Are more people on zero-hours or agency contracts coming to food banks in the "
            "weeks when their shifts are cut?"
        ),
        "action": (
            "Make the case to local employers and the Jobcentre about the impact of "
            "short-notice shift cancellations."
        ),
        "action_type": "campaign",
        "themes": ["work", "food"],
        "geography": "Sunderland",
        "population_groups": ["people on zero-hours contracts"],
        "org": "tynefood",
        "author": "dave.charlton@tynefood.example.org",
        "show_org": True,
        "status": "open",
        "family": "zero-hours-contracts",
        "supporters": [
            "neil.fraser@ukss.example.org",
            "gareth.pugh@valleysadvice.example.org",
            "aamir.hussain@clydecentre.example.org",
        ],
    },
    {
        "text": (
            "How many people are on zero-hours contracts in each region and industry, and how "
            "reliable are the survey estimates?"
        ),
        "action": (
            "Publish better guidance on using zero-hours contract statistics at regional level."
        ),
        "action_type": "understand-need",
        "themes": ["work"],
        "geography": "UK-wide",
        "population_groups": [],
        "org": "ukss",
        "author": "neil.fraser@ukss.example.org",
        "show_org": True,
        "status": "open",
        "family": "zero-hours-contracts",
        "supporters": ["siobhan.mcgrath@lagan.example.org"],
    },
    # --- childcare-costs-work
    {
        "text": (
            "How many parents at our schools have turned down work or extra hours because they "
            "cannot find or afford childcare?"
        ),
        "action": ("Make the case to the council for wraparound childcare on school sites."),
        "action_type": "influence-policy",
        "themes": ["childcare", "work"],
        "geography": "Oldham",
        "population_groups": ["parents on low incomes"],
        "org": "pennine",
        "author": "leanne.ogden@pennine.example.org",
        "show_org": True,
        "status": "open",
        "family": "childcare-costs-work",
        "supporters": ["sunita.patel@ukss.example.org"],
    },
    {
        "text": (
            "Does having to pay childcare costs upfront, before Universal Credit pays them "
            "back, stop single parents taking jobs?"
        ),
        "action": ("Build the case for Universal Credit childcare costs to be paid in advance."),
        "action_type": "influence-policy",
        "themes": ["childcare", "work", "income-benefits"],
        "geography": "Scotland",
        "population_groups": ["single parents"],
        "org": "clydecentre",
        "author": "aamir.hussain@clydecentre.example.org",
        "show_org": True,
        "status": "prioritised",
        "family": "childcare-costs-work",
        "supporters": [
            "leanne.ogden@pennine.example.org",
            "hannah.levy@everyday.example.org",
            "pete.hocking@kernow.example.org",
            "kwame.asante@merseyca.example.org",
            "olivia.grant@hartwell.example.org",
            "ruth.okafor@warmhomes.example.org",
        ],
    },
    {
        "text": (
            "Where in our area are there too few childcare places for parents who work shifts "
            "or evenings?"
        ),
        "action": (
            "Target the combined authority's childcare expansion funding at areas with gaps "
            "for shift workers."
        ),
        "action_type": "target-resources",
        "themes": ["childcare", "work"],
        "geography": "North West",
        "population_groups": ["parents working shifts"],
        "org": "merseyca",
        "author": "kwame.asante@merseyca.example.org",
        "show_org": True,
        "status": "open",
        "family": "childcare-costs-work",
        "supporters": [
            "olivia.grant@hartwell.example.org",
            "james.whittaker@pennine.example.org",
        ],
    },
    {
        "text": (
            "Have the expanded funded childcare hours for working parents reached low-income "
            "families, or mostly benefited better-off households?"
        ),
        "action": (
            "Decide whether to fund research and campaigning on fairer early years funding."
        ),
        "action_type": "fund-commission",
        "themes": ["childcare", "child-poverty"],
        "geography": "England",
        "population_groups": ["parents on low incomes"],
        "org": "hartwell",
        "author": "olivia.grant@hartwell.example.org",
        "show_org": True,
        "status": "open",
        "family": "childcare-costs-work",
        "supporters": [
            "pete.hocking@kernow.example.org",
            "anna.price@severncf.example.org",
            "morag.campbell@clydecentre.example.org",
        ],
    },
    {
        "text": (
            "How much better off is a single parent on the minimum wage for each extra hour "
            "worked, once childcare, the Universal Credit taper and travel are counted?"
        ),
        "action": ("Publish analysis of work incentives for the Treasury and DWP."),
        "action_type": "influence-policy",
        "themes": ["childcare", "work"],
        "geography": "UK-wide",
        "population_groups": ["single parents"],
        "org": "everyday",
        "author": "hannah.levy@everyday.example.org",
        "show_org": True,
        "status": "open",
        "family": "childcare-costs-work",
        "supporters": [
            "grace.okonkwo@fenlanduni.example.org",
            "gareth.pugh@valleysadvice.example.org",
            "olivia.grant@hartwell.example.org",
        ],
    },
    {
        "text": (
            "How do parents in rural Cornwall get to work when the nearest nursery is miles "
            "away and there is no bus?"
        ),
        "action": ("Design a community childcare and transport pilot with local employers."),
        "action_type": "design-service",
        "themes": ["childcare", "work", "rural"],
        "geography": "Cornwall",
        "population_groups": ["rural families"],
        "org": "kernow",
        "author": "pete.hocking@kernow.example.org",
        "show_org": True,
        "status": "open",
        "family": "childcare-costs-work",
        "supporters": [
            "ruth.okafor@warmhomes.example.org",
            "conor.doherty@lagan.example.org",
        ],
    },
    # --- waiting-lists-work
    {
        "text": (
            "How many working-age people on our hospital waiting lists are off sick or have "
            "lost their jobs while they wait?"
        ),
        "action": (
            "Make the case for prioritising treatment for people at risk of falling out of work."
        ),
        "action_type": "influence-policy",
        "themes": ["health", "work"],
        "geography": "Yorkshire and the Humber",
        "population_groups": ["people waiting for treatment"],
        "org": "humbericb",
        "author": "priya.nair@humbericb.example.org",
        "show_org": True,
        "status": "open",
        "family": "waiting-lists-work",
        "supporters": [
            "sam.oduya@dpt.example.org",
            "sarah.robson@tynefood.example.org",
            "olivia.grant@hartwell.example.org",
        ],
    },
    {
        "text": (
            "Is the rise in economic inactivity due to long-term sickness in our area linked "
            "to waiting times for musculoskeletal and mental health treatment?"
        ),
        "action": (
            "Target the combined authority's work and health programme at the conditions with "
            "the longest waits."
        ),
        "action_type": "target-resources",
        "themes": ["health", "work", "mental-health"],
        "geography": "North West",
        "population_groups": ["people out of work due to ill health"],
        "org": "merseyca",
        "author": "kwame.asante@merseyca.example.org",
        "show_org": True,
        "status": "open",
        "family": "waiting-lists-work",
        "supporters": [
            "priya.nair@humbericb.example.org",
            "grace.okonkwo@fenlanduni.example.org",
        ],
    },
    {
        "text": (
            "What happens to disabled people's income while they wait many months for "
            "treatment or assessment?"
        ),
        "action": "Campaign for income protection during long NHS waits.",
        "action_type": "campaign",
        "themes": ["health", "work", "disability"],
        "geography": "England",
        "population_groups": ["disabled people"],
        "org": "dpt",
        "author": "claire.hollis@dpt.example.org",
        "show_org": True,
        "status": "open",
        "family": "waiting-lists-work",
        "supporters": [],
    },
    {
        "text": (
            "How far can we trust survey estimates of people out of work through long-term "
            "sickness, given falling Labour Force Survey response rates?"
        ),
        "action": (
            "Advise users on how to interpret economic inactivity statistics and where to find "
            "alternatives."
        ),
        "action_type": "understand-need",
        "themes": ["health", "work"],
        "geography": "UK-wide",
        "population_groups": [],
        "org": "ukss",
        "author": "neil.fraser@ukss.example.org",
        "show_org": True,
        "status": "open",
        "family": "waiting-lists-work",
        "supporters": ["steve.marshall@humbericb.example.org"],
    },
    {
        "text": (
            "Do people who wait longer for planned treatment have lower earnings a year later?"
        ),
        "action": ("Provide causal evidence for the government's work and health strategy."),
        "action_type": "evaluate-impact",
        "themes": ["health", "work"],
        "geography": "England",
        "population_groups": [],
        "org": "fenlanduni",
        "author": "grace.okonkwo@fenlanduni.example.org",
        "show_org": True,
        "status": "open",
        "family": "waiting-lists-work",
        "supporters": [
            "kwame.asante@merseyca.example.org",
            "claire.hollis@dpt.example.org",
            "steve.marshall@humbericb.example.org",
        ],
    },
    # --- school-uniform-costs
    {
        "text": (
            "How much are families spending on uniform and PE kit across our schools, and how "
            "many pupils are sent home or sanctioned over uniform?"
        ),
        "action": (
            "Cut the number of branded items we require and set up uniform swaps in every school."
        ),
        "action_type": "design-service",
        "themes": ["child-poverty", "education"],
        "geography": "Oldham",
        "population_groups": ["families with children"],
        "org": "pennine",
        "author": "leanne.ogden@pennine.example.org",
        "show_org": True,
        "status": "answered",
        "family": "school-uniform-costs",
        "supporters": [
            "mark.ellery@severncf.example.org",
            "gareth.pugh@valleysadvice.example.org",
        ],
    },
    {
        "text": (
            "Are families who qualify for the School Essentials Grant actually receiving it, "
            "and does it cover the full cost of uniform?"
        ),
        "action": ("Target our benefit checks at parents of children starting secondary school."),
        "action_type": "target-resources",
        "themes": ["child-poverty", "education", "income-benefits"],
        "geography": "Wales",
        "population_groups": ["families with secondary school children"],
        "org": "valleysadvice",
        "author": "rhian.morgan@valleysadvice.example.org",
        "show_org": True,
        "status": "open",
        "family": "school-uniform-costs",
        "supporters": [
            "leanne.ogden@pennine.example.org",
            "grace.okonkwo@fenlanduni.example.org",
            "hannah.levy@everyday.example.org",
            "sam.oduya@dpt.example.org",
        ],
    },
    {
        "text": (
            "How many applications to our discretionary fund are for school uniform, and in "
            "which months do they come in?"
        ),
        "action": (
            "Plan a school uniform grant that opens before the start of term rather than in a "
            "crisis."
        ),
        "action_type": "design-service",
        "themes": ["child-poverty", "education"],
        "geography": "Bradford",
        "population_groups": ["families with children"],
        "org": "bradford",
        "author": "kate.holmes@bradford.example.org",
        "show_org": True,
        "status": "open",
        "family": "school-uniform-costs",
        "supporters": [
            "hannah.levy@everyday.example.org",
            "rhian.morgan@valleysadvice.example.org",
        ],
    },
    {
        "text": (
            "Are schools in England following the statutory guidance on keeping uniform costs "
            "down, and has it changed what parents pay?"
        ),
        "action": "Make the case for the uniform cost guidance to be enforced.",
        "action_type": "campaign",
        "themes": ["child-poverty", "education"],
        "geography": "England",
        "population_groups": ["families with children"],
        "org": "everyday",
        "author": "hannah.levy@everyday.example.org",
        "show_org": True,
        "status": "open",
        "family": "school-uniform-costs",
        "supporters": [
            "james.whittaker@pennine.example.org",
            "claire.hollis@dpt.example.org",
            "mark.ellery@severncf.example.org",
            "priya.nair@humbericb.example.org",
        ],
    },
    {
        "text": (
            "Would uniform banks run by community groups ease the pressure on families as much "
            "as cash grants?"
        ),
        "action": (
            "Decide whether to fund uniform banks or direct grants in our next children's "
            "programme."
        ),
        "action_type": "fund-commission",
        "themes": ["child-poverty", "education"],
        "geography": "South West",
        "population_groups": ["families with children"],
        "org": "severncf",
        "author": "anna.price@severncf.example.org",
        "show_org": True,
        "status": "open",
        "family": "school-uniform-costs",
        "supporters": [
            "rhian.morgan@valleysadvice.example.org",
            "kate.holmes@bradford.example.org",
        ],
    },
    # --- cost-of-school-day
    {
        "text": (
            "What do trips, non-uniform days, revision guides and after-school clubs cost our "
            "families over a year, and who misses out?"
        ),
        "action": (
            "Set a trust-wide cost of the school day policy and fund activities for pupils who "
            "would otherwise miss out."
        ),
        "action_type": "design-service",
        "themes": ["education", "child-poverty"],
        "geography": "Oldham",
        "population_groups": ["children eligible for free school meals"],
        "org": "pennine",
        "author": "james.whittaker@pennine.example.org",
        "show_org": True,
        "status": "being-answered",
        "family": "cost-of-school-day",
        "supporters": [
            "pete.hocking@kernow.example.org",
            "morag.campbell@clydecentre.example.org",
        ],
    },
    {
        "text": (
            "Which parts of the school day cost families most, and how do children on low "
            "incomes feel when they cannot join in?"
        ),
        "action": ("Provide evidence for Scottish schools' cost of the school day plans."),
        "action_type": "understand-need",
        "themes": ["education", "child-poverty"],
        "geography": "Scotland",
        "population_groups": ["children on low incomes"],
        "org": "clydecentre",
        "author": "morag.campbell@clydecentre.example.org",
        "show_org": True,
        "status": "open",
        "family": "cost-of-school-day",
        "supporters": [
            "james.whittaker@pennine.example.org",
            "helen.whitfield@northstar.example.org",
            "pete.hocking@kernow.example.org",
        ],
    },
    {
        "text": (
            "How many parents we advise are struggling with the cost of school trips, clubs "
            "and events, and do they know what help their school can give?"
        ),
        "action": (
            "Produce a short guide for parents and advisers on help with school costs in Wales."
        ),
        "action_type": "design-service",
        "themes": ["education", "child-poverty"],
        "geography": "Wales",
        "population_groups": ["families with children"],
        "org": "valleysadvice",
        "author": "rhian.morgan@valleysadvice.example.org",
        "show_org": True,
        "status": "open",
        "family": "cost-of-school-day",
        "supporters": [
            "james.whittaker@pennine.example.org",
            "conor.doherty@lagan.example.org",
            "aamir.hussain@clydecentre.example.org",
        ],
    },
    {
        "text": (
            "Do schools that adopt cost of the school day approaches see better attendance and "
            "wellbeing among disadvantaged pupils?"
        ),
        "action": ("Decide whether to fund a wider roll-out of cost of the school day programmes."),
        "action_type": "fund-commission",
        "themes": ["education", "child-poverty"],
        "geography": "England",
        "population_groups": [],
        "org": "hartwell",
        "author": "olivia.grant@hartwell.example.org",
        "show_org": False,
        "status": "open",
        "family": "cost-of-school-day",
        "supporters": ["fiona.mcleod@clydecentre.example.org"],
    },
    {
        "text": (
            "How much extra does it cost rural families for children to join after-school "
            "activities when the school bus leaves at a fixed time?"
        ),
        "action": (
            "Make the case for late buses so rural pupils can stay for clubs and catch-up sessions."
        ),
        "action_type": "influence-policy",
        "themes": ["education", "child-poverty", "transport"],
        "geography": "Cornwall",
        "population_groups": ["rural families"],
        "org": "kernow",
        "author": "pete.hocking@kernow.example.org",
        "show_org": False,
        "status": "open",
        "family": "cost-of-school-day",
        "supporters": [
            "olivia.grant@hartwell.example.org",
            "rhian.morgan@valleysadvice.example.org",
        ],
    },
    # --- local-child-poverty-estimates
    {
        "text": (
            "What is the child poverty rate in each Bradford ward after housing costs, and how "
            "has it changed since 2015?"
        ),
        "action": ("Set ward-level targets in the council's child poverty strategy."),
        "action_type": "target-resources",
        "themes": ["child-poverty"],
        "geography": "Bradford",
        "population_groups": ["families with children"],
        "org": "bradford",
        "author": "kate.holmes@bradford.example.org",
        "show_org": False,
        "status": "answered",
        "family": "local-child-poverty-estimates",
        "supporters": [
            "gareth.pugh@valleysadvice.example.org",
            "fiona.mcleod@clydecentre.example.org",
        ],
    },
    {
        "text": (
            "Which neighbourhoods in our area have the highest child poverty, so that family "
            "hubs are in the right places?"
        ),
        "action": (
            "Target family hub outreach and health visiting at the neighbourhoods with most "
            "child poverty."
        ),
        "action_type": "target-resources",
        "themes": ["child-poverty", "health"],
        "geography": "Kingston upon Hull",
        "population_groups": ["families with children"],
        "org": "humbericb",
        "author": "steve.marshall@humbericb.example.org",
        "show_org": True,
        "status": "open",
        "family": "local-child-poverty-estimates",
        "supporters": [
            "jenna.trewin@kernow.example.org",
            "amina.yusuf@elmr.example.org",
        ],
    },
    {
        "text": (
            "Why do official figures show low child poverty in parts of rural Cornwall when "
            "our outreach workers see families struggling?"
        ),
        "action": ("Make the case to funders that rural child poverty is undercounted."),
        "action_type": "influence-policy",
        "themes": ["child-poverty", "rural"],
        "geography": "Cornwall",
        "population_groups": ["rural families"],
        "org": "kernow",
        "author": "pete.hocking@kernow.example.org",
        "show_org": True,
        "status": "open",
        "family": "local-child-poverty-estimates",
        "supporters": [
            "ben.taylor@warmhomes.example.org",
            "dave.charlton@tynefood.example.org",
        ],
    },
    {
        "text": (
            "How different are the before and after housing costs local child poverty "
            "estimates, and which should councils use?"
        ),
        "action": (
            "Publish guidance for councils on choosing and explaining child poverty measures."
        ),
        "action_type": "understand-need",
        "themes": ["child-poverty"],
        "geography": "UK-wide",
        "population_groups": [],
        "org": "ukss",
        "author": "neil.fraser@ukss.example.org",
        "show_org": True,
        "status": "answered",
        "family": "local-child-poverty-estimates",
        "supporters": [
            "marcus.reid@northstar.example.org",
            "fiona.mcleod@clydecentre.example.org",
            "priya.nair@humbericb.example.org",
            "imran.akhtar@bradford.example.org",
        ],
    },
    {
        "text": (
            "Can we produce reliable child poverty estimates for Glasgow's neighbourhoods that "
            "are consistent with Scotland's statutory targets?"
        ),
        "action": ("Give the city's local child poverty action report a neighbourhood baseline."),
        "action_type": "understand-need",
        "themes": ["child-poverty"],
        "geography": "Glasgow City",
        "population_groups": [],
        "org": "clydecentre",
        "author": "aamir.hussain@clydecentre.example.org",
        "show_org": True,
        "status": "open",
        "family": "local-child-poverty-estimates",
        "supporters": [
            "steve.marshall@humbericb.example.org",
            "sunita.patel@ukss.example.org",
        ],
    },
    # --- attainment-gap
    {
        "text": (
            "Why has the attainment gap between disadvantaged pupils and their classmates "
            "widened in our secondary schools since the pandemic?"
        ),
        "action": "Redesign how we use pupil premium funding across the trust.",
        "action_type": "design-service",
        "themes": ["education", "child-poverty"],
        "geography": "North West",
        "population_groups": ["children eligible for free school meals"],
        "org": "pennine",
        "author": "james.whittaker@pennine.example.org",
        "show_org": True,
        "status": "open",
        "family": "attainment-gap",
        "supporters": [
            "kate.holmes@bradford.example.org",
            "aamir.hussain@clydecentre.example.org",
        ],
    },
    {
        "text": (
            "Is the Scottish Attainment Challenge narrowing the poverty-related attainment "
            "gap, and which school approaches make the biggest difference?"
        ),
        "action": ("Provide evidence for the next phase of attainment funding in Scotland."),
        "action_type": "evaluate-impact",
        "themes": ["education", "child-poverty"],
        "geography": "Scotland",
        "population_groups": [],
        "org": "clydecentre",
        "author": "morag.campbell@clydecentre.example.org",
        "show_org": True,
        "status": "open",
        "family": "attainment-gap",
        "supporters": [
            "grace.okonkwo@fenlanduni.example.org",
            "pete.hocking@kernow.example.org",
            "olivia.grant@hartwell.example.org",
        ],
    },
    {
        "text": (
            "How much of the attainment gap in Bradford is explained by persistent absence, "
            "and are disadvantaged pupils missing more school than before?"
        ),
        "action": (
            "Target the council's attendance support at the schools and families where absence "
            "is widening the gap."
        ),
        "action_type": "target-resources",
        "themes": ["education", "child-poverty"],
        "geography": "Bradford",
        "population_groups": ["children eligible for free school meals"],
        "org": "bradford",
        "author": "imran.akhtar@bradford.example.org",
        "show_org": True,
        "status": "open",
        "family": "attainment-gap",
        "supporters": [
            "ben.taylor@warmhomes.example.org",
            "neil.fraser@ukss.example.org",
            "gareth.pugh@valleysadvice.example.org",
        ],
    },
    {
        "text": (
            "Which interventions have the strongest evidence for pupils who have been eligible "
            "for free meals for most of their school life?"
        ),
        "action": ("Decide whether to fund a trial focused on persistently disadvantaged pupils."),
        "action_type": "fund-commission",
        "themes": ["education", "child-poverty"],
        "geography": "England",
        "population_groups": ["persistently disadvantaged pupils"],
        "org": "hartwell",
        "author": "olivia.grant@hartwell.example.org",
        "show_org": True,
        "status": "open",
        "family": "attainment-gap",
        "supporters": [
            "fiona.mcleod@clydecentre.example.org",
            "james.whittaker@pennine.example.org",
        ],
    },
    {
        "text": (
            "How much of the gap in GCSE results between poorer and better-off pupils is "
            "already there at age five?"
        ),
        "action": ("Inform early years policy with evidence on when the gap opens."),
        "action_type": "understand-need",
        "themes": ["education", "child-poverty", "childcare"],
        "geography": "England",
        "population_groups": [],
        "org": "fenlanduni",
        "author": "grace.okonkwo@fenlanduni.example.org",
        "show_org": True,
        "status": "open",
        "family": "attainment-gap",
        "supporters": ["aamir.hussain@clydecentre.example.org"],
    },
    # --- disability-extra-costs
    {
        "text": (
            "How much more does it cost disabled people to reach the same standard of living "
            "as non-disabled people, and has the gap grown since the energy crisis?"
        ),
        "action": (
            "Campaign for disability benefits to reflect the real extra costs of disability."
        ),
        "action_type": "campaign",
        "themes": ["disability", "income-benefits"],
        "geography": "UK-wide",
        "population_groups": ["disabled people"],
        "org": "dpt",
        "author": "claire.hollis@dpt.example.org",
        "show_org": True,
        "status": "prioritised",
        "family": "disability-extra-costs",
        "supporters": [
            "grace.okonkwo@fenlanduni.example.org",
            "sarah.robson@tynefood.example.org",
            "olivia.grant@hartwell.example.org",
            "ben.taylor@warmhomes.example.org",
        ],
    },
    {
        "text": (
            "What are disabled clients cutting back on to afford the extra costs of their "
            "impairment, such as heating, equipment and taxis?"
        ),
        "action": (
            "Use client evidence to support Welsh Government work on the extra costs of disability."
        ),
        "action_type": "influence-policy",
        "themes": ["disability"],
        "geography": "Wales",
        "population_groups": ["disabled people"],
        "org": "valleysadvice",
        "author": "gareth.pugh@valleysadvice.example.org",
        "show_org": False,
        "status": "open",
        "family": "disability-extra-costs",
        "supporters": [
            "ben.taylor@warmhomes.example.org",
            "claire.hollis@dpt.example.org",
        ],
    },
    {
        "text": (
            "Should poverty statistics adjust income for the extra costs of disability, and "
            "how would that change who counts as poor?"
        ),
        "action": "Propose an adjusted poverty measure for official statistics.",
        "action_type": "understand-need",
        "themes": ["disability", "income-benefits"],
        "geography": "UK-wide",
        "population_groups": ["disabled people"],
        "org": "fenlanduni",
        "author": "tom.ashby@fenlanduni.example.org",
        "show_org": True,
        "status": "open",
        "family": "disability-extra-costs",
        "supporters": [
            "sam.oduya@dpt.example.org",
            "rhian.morgan@valleysadvice.example.org",
        ],
    },
    {
        "text": (
            "Are patients with long-term conditions going without prescriptions, special diets "
            "or travel to appointments because of cost?"
        ),
        "action": (
            "Target the ICB's hardship and travel support at patients who are rationing their care."
        ),
        "action_type": "target-resources",
        "themes": ["disability", "health"],
        "geography": "Yorkshire and the Humber",
        "population_groups": ["people with long-term conditions"],
        "org": "humbericb",
        "author": "priya.nair@humbericb.example.org",
        "show_org": True,
        "status": "open",
        "family": "disability-extra-costs",
        "supporters": [
            "ruth.okafor@warmhomes.example.org",
            "jenna.trewin@kernow.example.org",
            "gareth.pugh@valleysadvice.example.org",
            "grace.okonkwo@fenlanduni.example.org",
        ],
    },
    {
        "text": (
            "How much extra energy do households with a disabled member use, and is that "
            "reflected in support schemes?"
        ),
        "action": (
            "Make the case to Ofgem and the government for energy support that covers medical "
            "and disability needs."
        ),
        "action_type": "influence-policy",
        "themes": ["disability", "energy"],
        "geography": "UK-wide",
        "population_groups": ["disabled people"],
        "org": "warmhomes",
        "author": "ruth.okafor@warmhomes.example.org",
        "show_org": True,
        "status": "open",
        "family": "disability-extra-costs",
        "supporters": [
            "conor.doherty@lagan.example.org",
            "marcus.reid@northstar.example.org",
            "priya.nair@humbericb.example.org",
            "grace.okonkwo@fenlanduni.example.org",
        ],
    },
    # --- unpaid-carers
    {
        "text": (
            "How many unpaid carers are in poverty because Carer's Allowance stops as soon as "
            "they earn over the threshold?"
        ),
        "action": ("Campaign for the Carer's Allowance earnings rule to be reformed."),
        "action_type": "campaign",
        "themes": ["disability", "income-benefits", "health"],
        "geography": "UK-wide",
        "population_groups": ["unpaid carers"],
        "org": "dpt",
        "author": "sam.oduya@dpt.example.org",
        "show_org": True,
        "status": "open",
        "family": "unpaid-carers",
        "supporters": [
            "priya.nair@humbericb.example.org",
            "grace.okonkwo@fenlanduni.example.org",
        ],
    },
    {
        "text": (
            "How many carers on our GP registers are in poor health themselves and struggling "
            "financially?"
        ),
        "action": ("Target carers' health checks and benefit advice at the carers most at risk."),
        "action_type": "target-resources",
        "themes": ["disability", "income-benefits", "health"],
        "geography": "Yorkshire and the Humber",
        "population_groups": ["unpaid carers"],
        "org": "humbericb",
        "author": "steve.marshall@humbericb.example.org",
        "show_org": False,
        "status": "open",
        "family": "unpaid-carers",
        "supporters": [
            "sam.oduya@dpt.example.org",
            "tom.ashby@fenlanduni.example.org",
            "hannah.levy@everyday.example.org",
        ],
    },
    {
        "text": (
            "What happens to carers' employment and income in the years after they start caring?"
        ),
        "action": ("Provide evidence for reform of carers' benefits and employment rights."),
        "action_type": "understand-need",
        "themes": ["disability", "income-benefits", "work"],
        "geography": "UK-wide",
        "population_groups": ["unpaid carers"],
        "org": "fenlanduni",
        "author": "grace.okonkwo@fenlanduni.example.org",
        "show_org": False,
        "status": "open",
        "family": "unpaid-carers",
        "supporters": [
            "amina.yusuf@elmr.example.org",
            "sam.oduya@dpt.example.org",
            "steve.marshall@humbericb.example.org",
            "siobhan.mcgrath@lagan.example.org",
        ],
    },
    {
        "text": (
            "How many clients are repaying Carer's Allowance overpayments they did not know "
            "they had, and what is it doing to their finances?"
        ),
        "action": ("Change our advice process so every carer is checked for overpayment risk."),
        "action_type": "design-service",
        "themes": ["disability", "income-benefits", "debt"],
        "geography": "Wales",
        "population_groups": ["unpaid carers"],
        "org": "valleysadvice",
        "author": "rhian.morgan@valleysadvice.example.org",
        "show_org": True,
        "status": "open",
        "family": "unpaid-carers",
        "supporters": [
            "tom.ashby@fenlanduni.example.org",
            "claire.hollis@dpt.example.org",
            "hannah.levy@everyday.example.org",
        ],
    },
    # --- poverty-mental-health
    {
        "text": (
            "How many people referred to mental health services have money worries, debt or "
            "housing problems that are making their condition worse?"
        ),
        "action": (
            "Redesign our mental health pathway to include routine money and housing screening."
        ),
        "action_type": "design-service",
        "themes": ["mental-health", "debt"],
        "geography": "Yorkshire and the Humber",
        "population_groups": ["people with mental health conditions"],
        "org": "humbericb",
        "author": "priya.nair@humbericb.example.org",
        "show_org": True,
        "status": "prioritised",
        "family": "poverty-mental-health",
        "supporters": [
            "dave.charlton@tynefood.example.org",
            "fiona.mcleod@clydecentre.example.org",
            "neil.fraser@ukss.example.org",
            "claire.hollis@dpt.example.org",
            "olivia.grant@hartwell.example.org",
        ],
    },
    {
        "text": (
            "How does living on a low income over several years affect parents' mental health, "
            "and what protects them?"
        ),
        "action": (
            "Inform Glasgow's mental health and child poverty plans with longitudinal evidence."
        ),
        "action_type": "understand-need",
        "themes": ["mental-health", "child-poverty"],
        "geography": "Glasgow City",
        "population_groups": ["parents on low incomes"],
        "org": "clydecentre",
        "author": "morag.campbell@clydecentre.example.org",
        "show_org": True,
        "status": "open",
        "family": "poverty-mental-health",
        "supporters": ["siobhan.mcgrath@lagan.example.org"],
    },
    {
        "text": (
            "How many of our clients tell us they have had suicidal thoughts because of debt, "
            "and how well do we respond?"
        ),
        "action": (
            "Design a safe referral pathway with mental health services for clients in crisis."
        ),
        "action_type": "design-service",
        "themes": ["mental-health", "debt"],
        "geography": "Northern Ireland",
        "population_groups": ["people in problem debt"],
        "org": "lagan",
        "author": "conor.doherty@lagan.example.org",
        "show_org": False,
        "status": "open",
        "family": "poverty-mental-health",
        "supporters": [
            "amina.yusuf@elmr.example.org",
            "aamir.hussain@clydecentre.example.org",
        ],
    },
    {
        "text": (
            "Are people coming to food banks increasingly in mental health crisis, and are our "
            "volunteers equipped to respond?"
        ),
        "action": (
            "Decide whether to fund mental health first aid training and an on-site link worker."
        ),
        "action_type": "design-service",
        "themes": ["mental-health", "food"],
        "geography": "North East",
        "population_groups": [],
        "org": "tynefood",
        "author": "sarah.robson@tynefood.example.org",
        "show_org": True,
        "status": "open",
        "family": "poverty-mental-health",
        "supporters": [
            "mark.ellery@severncf.example.org",
            "olivia.grant@hartwell.example.org",
        ],
    },
    {
        "text": (
            "Does a rise in income, for example from a benefit increase, improve mental health "
            "in low-income households?"
        ),
        "action": (
            "Provide causal evidence for treating social security as a public health investment."
        ),
        "action_type": "evaluate-impact",
        "themes": ["mental-health", "income-benefits"],
        "geography": "UK-wide",
        "population_groups": [],
        "org": "fenlanduni",
        "author": "grace.okonkwo@fenlanduni.example.org",
        "show_org": True,
        "status": "open",
        "family": "poverty-mental-health",
        "supporters": [],
    },
    {
        "text": (
            "What support helps young people whose mental health has been damaged by growing "
            "up in poverty?"
        ),
        "action": ("Set priorities for our young people's mental health grants programme."),
        "action_type": "fund-commission",
        "themes": ["mental-health"],
        "geography": "UK-wide",
        "population_groups": ["young people 16-24"],
        "org": "hartwell",
        "author": "olivia.grant@hartwell.example.org",
        "show_org": True,
        "status": "open",
        "family": "poverty-mental-health",
        "supporters": [
            "steve.marshall@humbericb.example.org",
            "fiona.mcleod@clydecentre.example.org",
        ],
    },
    # --- advice-in-health-settings
    {
        "text": (
            "Does placing welfare rights advisers in GP surgeries reduce repeat appointments "
            "and prescribing for stress and anxiety?"
        ),
        "action": (
            "Decide whether to roll out advice in every primary care network across the ICB."
        ),
        "action_type": "evaluate-impact",
        "themes": ["health", "income-benefits", "mental-health"],
        "geography": "Yorkshire and the Humber",
        "population_groups": [],
        "org": "humbericb",
        "author": "steve.marshall@humbericb.example.org",
        "show_org": True,
        "status": "open",
        "family": "advice-in-health-settings",
        "supporters": [],
    },
    {
        "text": (
            "Which patients referred to us by GP surgeries gain the most income, and what "
            "health problems do they have?"
        ),
        "action": (
            "Make the case to the health board to fund an adviser in every GP cluster in the "
            "valleys."
        ),
        "action_type": "influence-policy",
        "themes": ["health", "income-benefits"],
        "geography": "Rhondda Cynon Taf",
        "population_groups": [],
        "org": "valleysadvice",
        "author": "gareth.pugh@valleysadvice.example.org",
        "show_org": True,
        "status": "open",
        "family": "advice-in-health-settings",
        "supporters": ["steve.marshall@humbericb.example.org"],
    },
    {
        "text": (
            "Would advice workers in maternity and health visiting services reach families who "
            "never go to an advice agency?"
        ),
        "action": ("Decide whether to fund a health-justice partnership in our area."),
        "action_type": "fund-commission",
        "themes": ["health", "income-benefits"],
        "geography": "Bristol",
        "population_groups": ["pregnant women", "families with children"],
        "org": "severncf",
        "author": "anna.price@severncf.example.org",
        "show_org": False,
        "status": "open",
        "family": "advice-in-health-settings",
        "supporters": ["fiona.mcleod@clydecentre.example.org"],
    },
    {
        "text": (
            "What does the evidence say about the health outcomes of health-justice "
            "partnerships in the UK, and where are the gaps?"
        ),
        "action": ("Publish an evidence review for NHS boards considering advice partnerships."),
        "action_type": "evaluate-impact",
        "themes": ["health", "income-benefits"],
        "geography": "Scotland",
        "population_groups": [],
        "org": "clydecentre",
        "author": "aamir.hussain@clydecentre.example.org",
        "show_org": True,
        "status": "open",
        "family": "advice-in-health-settings",
        "supporters": [
            "anna.price@severncf.example.org",
            "sarah.robson@tynefood.example.org",
            "priya.nair@humbericb.example.org",
        ],
    },
    # --- data-poverty
    {
        "text": (
            "How many of our pupils have no reliable internet connection or device at home for "
            "homework?"
        ),
        "action": ("Target our device loans and mobile data vouchers at the pupils who need them."),
        "action_type": "target-resources",
        "themes": ["digital-exclusion", "education"],
        "geography": "Oldham",
        "population_groups": ["children eligible for free school meals"],
        "org": "pennine",
        "author": "james.whittaker@pennine.example.org",
        "show_org": True,
        "status": "prioritised",
        "family": "data-poverty",
        "supporters": [
            "jenna.trewin@kernow.example.org",
            "fiona.mcleod@clydecentre.example.org",
            "hannah.levy@everyday.example.org",
        ],
    },
    {
        "text": (
            "How many households have cut back on broadband or mobile data to save money, and "
            "are social tariffs reaching them?"
        ),
        "action": (
            "Campaign for automatic enrolment onto broadband social tariffs for people on benefits."
        ),
        "action_type": "campaign",
        "themes": ["digital-exclusion"],
        "geography": "UK-wide",
        "population_groups": [],
        "org": "everyday",
        "author": "hannah.levy@everyday.example.org",
        "show_org": True,
        "status": "open",
        "family": "data-poverty",
        "supporters": ["gareth.pugh@valleysadvice.example.org"],
    },
    {
        "text": (
            "How many people we support rely on pay-as-you-go mobile data, and do they run out "
            "before finishing visa or housing applications?"
        ),
        "action": (
            "Make the case to funders for free data and devices for migrants facing "
            "online-only immigration processes."
        ),
        "action_type": "influence-policy",
        "themes": ["digital-exclusion", "migrants"],
        "geography": "London",
        "population_groups": ["migrants"],
        "org": "elmr",
        "author": "tomasz.nowak@elmr.example.org",
        "show_org": True,
        "status": "open",
        "family": "data-poverty",
        "supporters": [],
    },
    {
        "text": (
            "Where in our area are people unable to afford home broadband even though full "
            "fibre is available?"
        ),
        "action": (
            "Target the combined authority's digital inclusion programme at affordability "
            "rather than coverage."
        ),
        "action_type": "target-resources",
        "themes": ["digital-exclusion"],
        "geography": "North West",
        "population_groups": [],
        "org": "merseyca",
        "author": "kwame.asante@merseyca.example.org",
        "show_org": True,
        "status": "open",
        "family": "data-poverty",
        "supporters": [],
    },
    {
        "text": (
            "In rural Cornwall, is the bigger problem that people cannot get a decent "
            "connection, or that they cannot afford one?"
        ),
        "action": (
            "Decide whether to push for better rural coverage or for data and device support."
        ),
        "action_type": "influence-policy",
        "themes": ["digital-exclusion", "rural"],
        "geography": "Cornwall",
        "population_groups": ["rural households"],
        "org": "kernow",
        "author": "jenna.trewin@kernow.example.org",
        "show_org": True,
        "status": "open",
        "family": "data-poverty",
        "supporters": [
            "james.whittaker@pennine.example.org",
            "joanne.byrne@merseyca.example.org",
        ],
    },
    # --- online-only-claims
    {
        "text": (
            "How many clients need help just to make and manage a Universal Credit claim "
            "online, and what happens to those who cannot?"
        ),
        "action": (
            "Make the case to DWP for a properly funded phone and face-to-face claim route."
        ),
        "action_type": "influence-policy",
        "themes": ["digital-exclusion", "income-benefits"],
        "geography": "Wales",
        "population_groups": ["people without internet access"],
        "org": "valleysadvice",
        "author": "gareth.pugh@valleysadvice.example.org",
        "show_org": True,
        "status": "open",
        "family": "online-only-claims",
        "supporters": [
            "amina.yusuf@elmr.example.org",
            "claire.hollis@dpt.example.org",
        ],
    },
    {
        "text": (
            "Are disabled people losing out because benefit claims and journals are "
            "online-only and do not work well with screen readers?"
        ),
        "action": ("Campaign for accessible alternatives to the Universal Credit online journal."),
        "action_type": "campaign",
        "themes": ["digital-exclusion", "income-benefits", "disability"],
        "geography": "UK-wide",
        "population_groups": ["disabled people"],
        "org": "dpt",
        "author": "sam.oduya@dpt.example.org",
        "show_org": True,
        "status": "open",
        "family": "online-only-claims",
        "supporters": ["sunita.patel@ukss.example.org"],
    },
    {
        "text": (
            "How far do people in rural Cornwall have to travel to get help making an online "
            "benefit claim?"
        ),
        "action": ("Plan outreach sessions with laptops and mobile data in village halls."),
        "action_type": "design-service",
        "themes": ["digital-exclusion", "income-benefits", "rural"],
        "geography": "Cornwall",
        "population_groups": ["rural households"],
        "org": "kernow",
        "author": "pete.hocking@kernow.example.org",
        "show_org": True,
        "status": "open",
        "family": "online-only-claims",
        "supporters": ["sam.oduya@dpt.example.org"],
    },
    {
        "text": (
            "How many people we support have missed a benefit or immigration deadline because "
            "they could not use an online account?"
        ),
        "action": ("Design a digital support surgery for clients whose claims are online-only."),
        "action_type": "design-service",
        "themes": ["digital-exclusion", "migrants"],
        "geography": "Tower Hamlets",
        "population_groups": ["migrants", "people without internet access"],
        "org": "elmr",
        "author": "tomasz.nowak@elmr.example.org",
        "show_org": True,
        "status": "open",
        "family": "online-only-claims",
        "supporters": [],
    },
    {
        "text": (
            "Does moving benefit applications online widen the gap in take-up between people "
            "with and without digital skills?"
        ),
        "action": (
            "Inform Social Security Scotland's channel strategy with evidence on digital exclusion."
        ),
        "action_type": "understand-need",
        "themes": ["digital-exclusion", "income-benefits"],
        "geography": "Scotland",
        "population_groups": [],
        "org": "clydecentre",
        "author": "morag.campbell@clydecentre.example.org",
        "show_org": True,
        "status": "open",
        "family": "online-only-claims",
        "supporters": [],
    },
    # --- bus-service-cuts
    {
        "text": (
            "Which neighbourhoods have lost bus services in the last five years, and how many "
            "households there have no car?"
        ),
        "action": ("Prioritise routes for the combined authority's franchised bus network."),
        "action_type": "target-resources",
        "themes": ["transport"],
        "geography": "North West",
        "population_groups": ["households without a car"],
        "org": "merseyca",
        "author": "kwame.asante@merseyca.example.org",
        "show_org": False,
        "status": "answered",
        "family": "bus-service-cuts",
        "supporters": ["tomasz.nowak@elmr.example.org"],
    },
    {
        "text": (
            "Are people unable to reach our food banks since the evening and weekend buses "
            "were cut?"
        ),
        "action": ("Decide whether to move distribution points or run a delivery service."),
        "action_type": "design-service",
        "themes": ["transport", "food"],
        "geography": "Gateshead",
        "population_groups": ["households without a car"],
        "org": "tynefood",
        "author": "dave.charlton@tynefood.example.org",
        "show_org": True,
        "status": "open",
        "family": "bus-service-cuts",
        "supporters": [
            "imran.akhtar@bradford.example.org",
            "hannah.levy@everyday.example.org",
        ],
    },
    {
        "text": (
            "How many missed hospital appointments come from areas where bus routes have been "
            "withdrawn?"
        ),
        "action": (
            "Make the case for health-led transport or changes to bus routes serving our hospitals."
        ),
        "action_type": "influence-policy",
        "themes": ["transport", "health"],
        "geography": "Kingston upon Hull",
        "population_groups": ["households without a car"],
        "org": "humbericb",
        "author": "steve.marshall@humbericb.example.org",
        "show_org": True,
        "status": "open",
        "family": "bus-service-cuts",
        "supporters": [
            "imran.akhtar@bradford.example.org",
            "leanne.ogden@pennine.example.org",
            "kwame.asante@merseyca.example.org",
            "hannah.levy@everyday.example.org",
        ],
    },
    {
        "text": (
            "What happens to employment and access to services when a town loses its evening "
            "bus service?"
        ),
        "action": "Publish evidence for bus funding outside the big cities.",
        "action_type": "influence-policy",
        "themes": ["transport", "work"],
        "geography": "England",
        "population_groups": [],
        "org": "everyday",
        "author": "hannah.levy@everyday.example.org",
        "show_org": True,
        "status": "open",
        "family": "bus-service-cuts",
        "supporters": [
            "joanne.byrne@merseyca.example.org",
            "leanne.ogden@pennine.example.org",
            "priya.nair@humbericb.example.org",
            "claire.hollis@dpt.example.org",
        ],
    },
    {
        "text": (
            "Which Bradford estates have the poorest public transport links to jobs and "
            "further education?"
        ),
        "action": (
            "Target the council's travel-to-work support at estates with poor transport access."
        ),
        "action_type": "target-resources",
        "themes": ["transport", "work"],
        "geography": "Bradford",
        "population_groups": ["young people 16-24"],
        "org": "bradford",
        "author": "imran.akhtar@bradford.example.org",
        "show_org": True,
        "status": "open",
        "family": "bus-service-cuts",
        "supporters": [],
    },
    # --- rural-transport
    {
        "text": (
            "How many people in rural Cornwall can no longer reach a GP, supermarket or "
            "jobcentre by public transport within an hour?"
        ),
        "action": (
            "Make the case to Cornwall Council for demand-responsive transport in the "
            "worst-served parishes."
        ),
        "action_type": "influence-policy",
        "themes": ["transport", "rural"],
        "geography": "Cornwall",
        "population_groups": ["households without a car"],
        "org": "kernow",
        "author": "pete.hocking@kernow.example.org",
        "show_org": True,
        "status": "open",
        "family": "rural-transport",
        "supporters": [
            "claire.hollis@dpt.example.org",
            "fiona.mcleod@clydecentre.example.org",
        ],
    },
    {
        "text": (
            "How many rural clients are in debt on car finance they took out because there was "
            "no other way to get to work?"
        ),
        "action": (
            "Give the Department for Infrastructure evidence on what poor rural public "
            "transport costs households."
        ),
        "action_type": "influence-policy",
        "themes": ["transport", "rural", "debt"],
        "geography": "Northern Ireland",
        "population_groups": ["rural households"],
        "org": "lagan",
        "author": "siobhan.mcgrath@lagan.example.org",
        "show_org": True,
        "status": "open",
        "family": "rural-transport",
        "supporters": [],
    },
    {
        "text": (
            "How much do households in remote rural Scotland spend running a car they cannot "
            "afford but cannot do without?"
        ),
        "action": (
            "Inform the remote rural minimum income standard and Scottish transport policy."
        ),
        "action_type": "understand-need",
        "themes": ["transport", "rural"],
        "geography": "Highland",
        "population_groups": ["rural households"],
        "org": "clydecentre",
        "author": "aamir.hussain@clydecentre.example.org",
        "show_org": True,
        "status": "open",
        "family": "rural-transport",
        "supporters": ["conor.doherty@lagan.example.org"],
    },
    {
        "text": (
            "Would community transport in rural Gloucestershire help more people get to work "
            "and appointments than individual travel grants?"
        ),
        "action": (
            "Decide how to split our rural fund between community transport and travel grants."
        ),
        "action_type": "fund-commission",
        "themes": ["transport", "rural"],
        "geography": "Gloucestershire",
        "population_groups": ["rural households"],
        "org": "severncf",
        "author": "anna.price@severncf.example.org",
        "show_org": True,
        "status": "open",
        "family": "rural-transport",
        "supporters": [
            "james.whittaker@pennine.example.org",
            "jenna.trewin@kernow.example.org",
        ],
    },
    {
        "text": (
            "Can disabled people in rural areas actually use demand-responsive buses, or are "
            "the booking systems and vehicles a barrier?"
        ),
        "action": ("Campaign for accessibility standards in rural demand-responsive transport."),
        "action_type": "campaign",
        "themes": ["transport", "rural", "disability"],
        "geography": "England",
        "population_groups": ["disabled people"],
        "org": "dpt",
        "author": "claire.hollis@dpt.example.org",
        "show_org": True,
        "status": "open",
        "family": "rural-transport",
        "supporters": [
            "aamir.hussain@clydecentre.example.org",
            "mark.ellery@severncf.example.org",
            "gareth.pugh@valleysadvice.example.org",
            "jenna.trewin@kernow.example.org",
        ],
    },
    # --- travel-costs-appointments
    {
        "text": (
            "How many patients miss hospital appointments because they cannot afford the "
            "journey, and do they know about the Healthcare Travel Costs Scheme?"
        ),
        "action": (
            "Redesign appointment letters and promote travel cost refunds to patients on low "
            "incomes."
        ),
        "action_type": "design-service",
        "themes": ["transport", "health"],
        "geography": "Yorkshire and the Humber",
        "population_groups": ["people on low incomes"],
        "org": "humbericb",
        "author": "priya.nair@humbericb.example.org",
        "show_org": True,
        "status": "open",
        "family": "travel-costs-appointments",
        "supporters": [
            "helen.whitfield@northstar.example.org",
            "james.whittaker@pennine.example.org",
            "gareth.pugh@valleysadvice.example.org",
            "tomasz.nowak@elmr.example.org",
        ],
    },
    {
        "text": (
            "How are people on asylum support paying to get to legal, medical and Home Office "
            "appointments?"
        ),
        "action": (
            "Make the case to the Home Office for travel to essential appointments to be paid for."
        ),
        "action_type": "influence-policy",
        "themes": ["transport", "migrants"],
        "geography": "London",
        "population_groups": ["asylum seekers"],
        "org": "elmr",
        "author": "amina.yusuf@elmr.example.org",
        "show_org": True,
        "status": "open",
        "family": "travel-costs-appointments",
        "supporters": ["james.whittaker@pennine.example.org"],
    },
    {
        "text": (
            "Are tenants turning down job offers because bus fares would take too much of "
            "their first month's wages?"
        ),
        "action": ("Decide whether to fund travel passes for tenants starting work."),
        "action_type": "design-service",
        "themes": ["transport", "work"],
        "geography": "Sandwell",
        "population_groups": ["social housing tenants", "people starting work"],
        "org": "northstar",
        "author": "helen.whitfield@northstar.example.org",
        "show_org": True,
        "status": "open",
        "family": "travel-costs-appointments",
        "supporters": [
            "priya.nair@humbericb.example.org",
            "leanne.ogden@pennine.example.org",
            "gareth.pugh@valleysadvice.example.org",
        ],
    },
    {
        "text": (
            "How much are clients spending on travel to benefit assessments and tribunals, and "
            "are they reimbursed?"
        ),
        "action": ("Give DWP evidence on travel barriers to assessments in the valleys."),
        "action_type": "influence-policy",
        "themes": ["transport", "disability"],
        "geography": "Merthyr Tydfil",
        "population_groups": ["disabled people"],
        "org": "valleysadvice",
        "author": "gareth.pugh@valleysadvice.example.org",
        "show_org": True,
        "status": "open",
        "family": "travel-costs-appointments",
        "supporters": ["leanne.ogden@pennine.example.org"],
    },
    {
        "text": (
            "Do our school leavers turn down apprenticeships and college places because of the "
            "cost of travel?"
        ),
        "action": ("Make the case for free travel for 16-18 year olds in education and training."),
        "action_type": "influence-policy",
        "themes": ["transport", "education", "work"],
        "geography": "Oldham",
        "population_groups": ["young people 16-24"],
        "org": "pennine",
        "author": "james.whittaker@pennine.example.org",
        "show_org": True,
        "status": "open",
        "family": "travel-costs-appointments",
        "supporters": [
            "hannah.levy@everyday.example.org",
            "steve.marshall@humbericb.example.org",
            "rhian.morgan@valleysadvice.example.org",
            "amina.yusuf@elmr.example.org",
        ],
    },
    # --- pension-credit-take-up
    {
        "text": (
            "How many pensioners in Cornwall are entitled to Pension Credit but not claiming "
            "it, and where do they live?"
        ),
        "action": (
            "Target door-to-door Pension Credit outreach at the parishes with the most "
            "unclaimed entitlement."
        ),
        "action_type": "target-resources",
        "themes": ["older-people", "income-benefits", "rural"],
        "geography": "Cornwall",
        "population_groups": ["people over 75", "pensioners living alone"],
        "org": "kernow",
        "author": "jenna.trewin@kernow.example.org",
        "show_org": True,
        "status": "being-answered",
        "family": "pension-credit-take-up",
        "supporters": [
            "siobhan.mcgrath@lagan.example.org",
            "aamir.hussain@clydecentre.example.org",
            "ruth.okafor@warmhomes.example.org",
        ],
    },
    {
        "text": (
            "Can Pension Credit take-up be estimated for each local authority by comparing "
            "caseloads with the modelled eligible population?"
        ),
        "action": ("Publish experimental local take-up estimates for councils and charities."),
        "action_type": "understand-need",
        "themes": ["older-people", "income-benefits"],
        "geography": "UK-wide",
        "population_groups": ["pensioners"],
        "org": "ukss",
        "author": "neil.fraser@ukss.example.org",
        "show_org": True,
        "status": "being-answered",
        "family": "pension-credit-take-up",
        "supporters": ["ruth.okafor@warmhomes.example.org"],
    },
    {
        "text": (
            "Did the changes to Winter Fuel Payment prompt more older clients to claim Pension "
            "Credit, and who is still missing out?"
        ),
        "action": ("Plan a winter Pension Credit campaign with local pensioners' groups."),
        "action_type": "design-service",
        "themes": ["older-people", "income-benefits"],
        "geography": "Northern Ireland",
        "population_groups": ["pensioners"],
        "org": "lagan",
        "author": "siobhan.mcgrath@lagan.example.org",
        "show_org": False,
        "status": "open",
        "family": "pension-credit-take-up",
        "supporters": ["imran.akhtar@bradford.example.org"],
    },
    {
        "text": (
            "How many older households in Bradford getting housing benefit or council tax "
            "support are not receiving Pension Credit?"
        ),
        "action": (
            "Use council data to write to likely eligible pensioners and offer a home visit."
        ),
        "action_type": "target-resources",
        "themes": ["older-people", "income-benefits"],
        "geography": "Bradford",
        "population_groups": ["pensioners"],
        "org": "bradford",
        "author": "imran.akhtar@bradford.example.org",
        "show_org": False,
        "status": "being-answered",
        "family": "pension-credit-take-up",
        "supporters": [
            "jenna.trewin@kernow.example.org",
            "ben.taylor@warmhomes.example.org",
            "james.whittaker@pennine.example.org",
            "rhian.morgan@valleysadvice.example.org",
        ],
    },
    {
        "text": (
            "Which ways of raising Pension Credit take-up work best: letters, phone calls, "
            "trusted local organisations or automatic awards?"
        ),
        "action": ("Decide whether to fund a trial comparing ways of raising take-up."),
        "action_type": "fund-commission",
        "themes": ["older-people", "income-benefits"],
        "geography": "UK-wide",
        "population_groups": ["pensioners"],
        "org": "hartwell",
        "author": "olivia.grant@hartwell.example.org",
        "show_org": True,
        "status": "open",
        "family": "pension-credit-take-up",
        "supporters": ["morag.campbell@clydecentre.example.org"],
    },
    {
        "text": (
            "How many older callers to our energy advice line could get Pension Credit but are "
            "not claiming, and how much would they gain including help with bills?"
        ),
        "action": (
            "Build a Pension Credit check into every energy advice call from someone over "
            "pension age."
        ),
        "action_type": "design-service",
        "themes": ["older-people", "income-benefits", "energy"],
        "geography": "UK-wide",
        "population_groups": ["pensioners"],
        "org": "warmhomes",
        "author": "ruth.okafor@warmhomes.example.org",
        "show_org": True,
        "status": "open",
        "family": "pension-credit-take-up",
        "supporters": [],
    },
    # --- older-people-cold-loneliness
    {
        "text": (
            "Are older people living alone in Cornwall turning the heating off and staying in "
            "one room, and does that leave them lonelier?"
        ),
        "action": (
            "Design a winter befriending and heating check service for isolated older people."
        ),
        "action_type": "design-service",
        "themes": ["older-people", "energy", "mental-health"],
        "geography": "Cornwall",
        "population_groups": ["pensioners living alone"],
        "org": "kernow",
        "author": "pete.hocking@kernow.example.org",
        "show_org": True,
        "status": "open",
        "family": "older-people-cold-loneliness",
        "supporters": [
            "ruth.okafor@warmhomes.example.org",
            "amina.yusuf@elmr.example.org",
        ],
    },
    {
        "text": (
            "How many older people who call our advice line say they are cold and have nobody "
            "to help them?"
        ),
        "action": (
            "Link our advice line with befriending services so isolated callers get a "
            "follow-up visit."
        ),
        "action_type": "design-service",
        "themes": ["older-people", "energy", "mental-health"],
        "geography": "UK-wide",
        "population_groups": ["people over 75"],
        "org": "warmhomes",
        "author": "ruth.okafor@warmhomes.example.org",
        "show_org": True,
        "status": "open",
        "family": "older-people-cold-loneliness",
        "supporters": [
            "fiona.mcleod@clydecentre.example.org",
            "priya.nair@humbericb.example.org",
        ],
    },
    {
        "text": (
            "Do older people who are both isolated and living in cold homes have more winter "
            "hospital admissions than those facing only one of these problems?"
        ),
        "action": ("Target winter wellbeing visits at older patients facing both risks."),
        "action_type": "target-resources",
        "themes": ["older-people", "energy", "health"],
        "geography": "East Riding of Yorkshire",
        "population_groups": ["people over 75"],
        "org": "humbericb",
        "author": "steve.marshall@humbericb.example.org",
        "show_org": True,
        "status": "open",
        "family": "older-people-cold-loneliness",
        "supporters": ["mark.ellery@severncf.example.org"],
    },
    {
        "text": (
            "Do lunch clubs and warm spaces reduce loneliness among older people in winter, or "
            "do they mostly reach people who are already connected?"
        ),
        "action": (
            "Decide whether our winter grants should pay for transport to groups for isolated "
            "older people."
        ),
        "action_type": "fund-commission",
        "themes": ["older-people", "energy", "mental-health"],
        "geography": "South West",
        "population_groups": ["people over 75"],
        "org": "severncf",
        "author": "anna.price@severncf.example.org",
        "show_org": True,
        "status": "open",
        "family": "older-people-cold-loneliness",
        "supporters": [
            "pete.hocking@kernow.example.org",
            "james.whittaker@pennine.example.org",
        ],
    },
    # --- nrpf
    {
        "text": (
            "How many families with no recourse to public funds come to us in crisis each "
            "month, and how many are destitute?"
        ),
        "action": (
            "Make the case to the council for a properly funded support service for families "
            "with no recourse to public funds."
        ),
        "action_type": "influence-policy",
        "themes": ["migrants"],
        "geography": "Tower Hamlets",
        "population_groups": [
            "people with no recourse to public funds",
            "families with children",
        ],
        "org": "elmr",
        "author": "amina.yusuf@elmr.example.org",
        "show_org": True,
        "status": "prioritised",
        "family": "nrpf",
        "supporters": [
            "grace.okonkwo@fenlanduni.example.org",
            "neil.fraser@ukss.example.org",
            "joanne.byrne@merseyca.example.org",
            "sarah.robson@tynefood.example.org",
        ],
    },
    {
        "text": (
            "How many families with no recourse to public funds supported by our councils "
            "could apply to have the condition lifted, and how long do decisions take?"
        ),
        "action": (
            "Decide whether to fund specialist immigration advice so that families can move "
            "off council support sooner."
        ),
        "action_type": "fund-commission",
        "themes": ["migrants"],
        "geography": "North West",
        "population_groups": ["people with no recourse to public funds"],
        "org": "merseyca",
        "author": "kwame.asante@merseyca.example.org",
        "show_org": True,
        "status": "open",
        "family": "nrpf",
        "supporters": ["anna.price@severncf.example.org"],
    },
    {
        "text": (
            "How much is the council spending on section 17 support for families with no "
            "recourse to public funds, and for how long?"
        ),
        "action": (
            "Plan children's services budgets and press the Home Office for faster decisions."
        ),
        "action_type": "influence-policy",
        "themes": ["migrants", "child-poverty"],
        "geography": "Bradford",
        "population_groups": ["people with no recourse to public funds"],
        "org": "bradford",
        "author": "kate.holmes@bradford.example.org",
        "show_org": False,
        "status": "open",
        "family": "nrpf",
        "supporters": [
            "sam.oduya@dpt.example.org",
            "gareth.pugh@valleysadvice.example.org",
        ],
    },
    {
        "text": (
            "What happens to children's health and schooling when their family has no recourse "
            "to public funds?"
        ),
        "action": (
            "Provide evidence for a review of the no recourse condition for families with children."
        ),
        "action_type": "understand-need",
        "themes": ["migrants", "child-poverty"],
        "geography": "UK-wide",
        "population_groups": ["children in migrant families"],
        "org": "fenlanduni",
        "author": "grace.okonkwo@fenlanduni.example.org",
        "show_org": True,
        "status": "open",
        "family": "nrpf",
        "supporters": [
            "tomasz.nowak@elmr.example.org",
            "siobhan.mcgrath@lagan.example.org",
            "ben.taylor@warmhomes.example.org",
        ],
    },
    {
        "text": (
            "How many people asking for food parcels have no recourse to public funds, and "
            "what other help is there for them?"
        ),
        "action": ("Build referral routes from food banks to migrant advice services."),
        "action_type": "design-service",
        "themes": ["migrants", "food"],
        "geography": "Newcastle upon Tyne",
        "population_groups": ["people with no recourse to public funds"],
        "org": "tynefood",
        "author": "sarah.robson@tynefood.example.org",
        "show_org": True,
        "status": "open",
        "family": "nrpf",
        "supporters": [],
    },
    {
        "text": (
            "Which services do most to prevent destitution among people with no recourse to "
            "public funds?"
        ),
        "action": "Decide where to focus our migration and destitution grants.",
        "action_type": "fund-commission",
        "themes": ["migrants"],
        "geography": "UK-wide",
        "population_groups": ["people with no recourse to public funds"],
        "org": "hartwell",
        "author": "olivia.grant@hartwell.example.org",
        "show_org": True,
        "status": "open",
        "family": "nrpf",
        "supporters": ["gareth.pugh@valleysadvice.example.org"],
    },
    # --- asylum-support-rates
    {
        "text": (
            "How does the weekly asylum support rate compare with the cost of food, travel, "
            "phone credit and children's needs, and how far has it fallen behind prices?"
        ),
        "action": (
            "Publish an independent costing to inform the annual review of asylum support rates."
        ),
        "action_type": "understand-need",
        "themes": ["migrants", "income-benefits"],
        "geography": "UK-wide",
        "population_groups": ["asylum seekers"],
        "org": "fenlanduni",
        "author": "grace.okonkwo@fenlanduni.example.org",
        "show_org": True,
        "status": "open",
        "family": "asylum-support-rates",
        "supporters": [
            "sarah.robson@tynefood.example.org",
            "leanne.ogden@pennine.example.org",
            "claire.hollis@dpt.example.org",
            "amina.yusuf@elmr.example.org",
        ],
    },
    {
        "text": (
            "How do people living in asylum hotels on a few pounds a week manage when they "
            "cannot cook and cannot afford to travel?"
        ),
        "action": ("Design a support offer with faith groups for people living in asylum hotels."),
        "action_type": "design-service",
        "themes": ["migrants", "food"],
        "geography": "Tower Hamlets",
        "population_groups": ["asylum seekers"],
        "org": "elmr",
        "author": "tomasz.nowak@elmr.example.org",
        "show_org": True,
        "status": "open",
        "family": "asylum-support-rates",
        "supporters": [],
    },
    {
        "text": (
            "How many people on asylum support in Newcastle and Gateshead are referred to food "
            "banks, and what help do they need beyond food?"
        ),
        "action": ("Agree referral arrangements with asylum accommodation providers."),
        "action_type": "design-service",
        "themes": ["migrants", "food"],
        "geography": "Newcastle upon Tyne",
        "population_groups": ["asylum seekers"],
        "org": "tynefood",
        "author": "dave.charlton@tynefood.example.org",
        "show_org": True,
        "status": "open",
        "family": "asylum-support-rates",
        "supporters": ["amina.yusuf@elmr.example.org"],
    },
    {
        "text": (
            "How does asylum support in Glasgow compare with the cost of a minimum acceptable "
            "standard of living?"
        ),
        "action": (
            "Inform Scottish Government and city council support for people seeking asylum."
        ),
        "action_type": "understand-need",
        "themes": ["migrants"],
        "geography": "Glasgow City",
        "population_groups": ["asylum seekers"],
        "org": "clydecentre",
        "author": "morag.campbell@clydecentre.example.org",
        "show_org": False,
        "status": "open",
        "family": "asylum-support-rates",
        "supporters": [],
    },
    # --- refugee-move-on
    {
        "text": (
            "How many newly recognised refugees become homeless when their asylum support ends "
            "after they are granted status?"
        ),
        "action": "Campaign for a 56-day move-on period for new refugees.",
        "action_type": "campaign",
        "themes": ["migrants", "housing"],
        "geography": "London",
        "population_groups": ["new refugees"],
        "org": "elmr",
        "author": "amina.yusuf@elmr.example.org",
        "show_org": True,
        "status": "open",
        "family": "refugee-move-on",
        "supporters": ["marcus.reid@northstar.example.org"],
    },
    {
        "text": (
            "How many homeless applications in Bradford come from people leaving Home Office "
            "accommodation, and how much notice did we get?"
        ),
        "action": (
            "Agree an earlier notification process with the Home Office and accommodation "
            "providers."
        ),
        "action_type": "design-service",
        "themes": ["migrants", "housing"],
        "geography": "Bradford",
        "population_groups": ["new refugees"],
        "org": "bradford",
        "author": "imran.akhtar@bradford.example.org",
        "show_org": False,
        "status": "open",
        "family": "refugee-move-on",
        "supporters": [
            "kwame.asante@merseyca.example.org",
            "marcus.reid@northstar.example.org",
        ],
    },
    {
        "text": (
            "Are new refugees in the North East relying on food banks while they wait for "
            "their first Universal Credit payment after leaving asylum accommodation?"
        ),
        "action": (
            "Set up a fast-track referral for new refugees with the Jobcentre and local advice "
            "services."
        ),
        "action_type": "design-service",
        "themes": ["migrants", "food", "income-benefits"],
        "geography": "North East",
        "population_groups": ["new refugees"],
        "org": "tynefood",
        "author": "dave.charlton@tynefood.example.org",
        "show_org": True,
        "status": "open",
        "family": "refugee-move-on",
        "supporters": [
            "conor.doherty@lagan.example.org",
            "imran.akhtar@bradford.example.org",
            "claire.hollis@dpt.example.org",
        ],
    },
    {
        "text": (
            "Which move-on support models help new refugees into settled housing and work "
            "within a year?"
        ),
        "action": ("Decide whether to fund a refugee move-on programme across several cities."),
        "action_type": "fund-commission",
        "themes": ["migrants", "housing"],
        "geography": "UK-wide",
        "population_groups": ["new refugees"],
        "org": "hartwell",
        "author": "olivia.grant@hartwell.example.org",
        "show_org": True,
        "status": "open",
        "family": "refugee-move-on",
        "supporters": ["sarah.robson@tynefood.example.org"],
    },
    {
        "text": (
            "How long do newly recognised refugees in Glasgow wait for a settled home, and "
            "where do they stay in the meantime?"
        ),
        "action": (
            "Give the city's housing and refugee services evidence for a joint move-on protocol."
        ),
        "action_type": "understand-need",
        "themes": ["migrants", "housing"],
        "geography": "Glasgow City",
        "population_groups": ["new refugees"],
        "org": "clydecentre",
        "author": "aamir.hussain@clydecentre.example.org",
        "show_org": True,
        "status": "open",
        "family": "refugee-move-on",
        "supporters": [],
    },
    # --- hidden-rural-poverty
    {
        "text": (
            "Why do deprivation indices miss poor households in Cornwall's villages, and what "
            "data would show them?"
        ),
        "action": (
            "Make the case to national funders and government that rural poverty is undercounted."
        ),
        "action_type": "influence-policy",
        "themes": ["rural"],
        "geography": "Cornwall",
        "population_groups": ["rural households"],
        "org": "kernow",
        "author": "jenna.trewin@kernow.example.org",
        "show_org": True,
        "status": "being-answered",
        "family": "hidden-rural-poverty",
        "supporters": [
            "priya.nair@humbericb.example.org",
            "aamir.hussain@clydecentre.example.org",
            "leanne.ogden@pennine.example.org",
        ],
    },
    {
        "text": (
            "How much does it cost to reach a minimum standard of living in remote rural "
            "Highland compared with Glasgow?"
        ),
        "action": (
            "Inform Scottish Government rural policy and the remote rural uplift in poverty "
            "measures."
        ),
        "action_type": "understand-need",
        "themes": ["rural"],
        "geography": "Highland",
        "population_groups": ["rural households"],
        "org": "clydecentre",
        "author": "aamir.hussain@clydecentre.example.org",
        "show_org": True,
        "status": "open",
        "family": "hidden-rural-poverty",
        "supporters": [
            "conor.doherty@lagan.example.org",
            "claire.hollis@dpt.example.org",
            "tomasz.nowak@elmr.example.org",
            "hannah.levy@everyday.example.org",
        ],
    },
    {
        "text": (
            "How do we find and fund small rural groups tackling poverty when our data keeps "
            "pointing us to urban areas?"
        ),
        "action": ("Change how we target grants so that rural need is not overlooked."),
        "action_type": "target-resources",
        "themes": ["rural"],
        "geography": "Gloucestershire",
        "population_groups": ["rural households"],
        "org": "severncf",
        "author": "anna.price@severncf.example.org",
        "show_org": True,
        "status": "being-answered",
        "family": "hidden-rural-poverty",
        "supporters": [
            "aamir.hussain@clydecentre.example.org",
            "conor.doherty@lagan.example.org",
            "priya.nair@humbericb.example.org",
        ],
    },
    {
        "text": (
            "What does poverty look like in rural areas across the UK, and which rural groups "
            "are most often missed?"
        ),
        "action": ("Decide whether to create a dedicated rural strand in our grants programme."),
        "action_type": "fund-commission",
        "themes": ["rural"],
        "geography": "UK-wide",
        "population_groups": ["rural households"],
        "org": "hartwell",
        "author": "olivia.grant@hartwell.example.org",
        "show_org": True,
        "status": "open",
        "family": "hidden-rural-poverty",
        "supporters": ["steve.marshall@humbericb.example.org"],
    },
    {
        "text": (
            "Are there pockets of deprivation in the East Riding's villages hidden inside "
            "otherwise affluent areas?"
        ),
        "action": (
            "Target community health and outreach services at small rural pockets of deprivation."
        ),
        "action_type": "target-resources",
        "themes": ["rural", "health"],
        "geography": "East Riding of Yorkshire",
        "population_groups": ["rural households"],
        "org": "humbericb",
        "author": "steve.marshall@humbericb.example.org",
        "show_org": False,
        "status": "open",
        "family": "hidden-rural-poverty",
        "supporters": [
            "jenna.trewin@kernow.example.org",
            "fiona.mcleod@clydecentre.example.org",
        ],
    },
    {
        "text": (
            "How many farming families in Northern Ireland are on low incomes and in debt but "
            "not claiming any support?"
        ),
        "action": (
            "Design a confidential debt and benefits advice service for farming families with "
            "rural support networks."
        ),
        "action_type": "design-service",
        "themes": ["rural", "income-benefits", "debt"],
        "geography": "Northern Ireland",
        "population_groups": ["farming families"],
        "org": "lagan",
        "author": "conor.doherty@lagan.example.org",
        "show_org": True,
        "status": "open",
        "family": "hidden-rural-poverty",
        "supporters": [
            "marcus.reid@northstar.example.org",
            "aamir.hussain@clydecentre.example.org",
            "pete.hocking@kernow.example.org",
        ],
    },
    # --- coastal-seasonal-work
    {
        "text": (
            "How many people in Cornwall's coastal towns work in seasonal jobs, and what "
            "happens to their income and housing over the winter?"
        ),
        "action": ("Design winter hardship support and advice for seasonal workers."),
        "action_type": "design-service",
        "themes": ["rural", "work", "housing"],
        "geography": "Cornwall",
        "population_groups": ["seasonal workers"],
        "org": "kernow",
        "author": "jenna.trewin@kernow.example.org",
        "show_org": True,
        "status": "open",
        "family": "coastal-seasonal-work",
        "supporters": [
            "morag.campbell@clydecentre.example.org",
            "imran.akhtar@bradford.example.org",
            "grace.okonkwo@fenlanduni.example.org",
            "amina.yusuf@elmr.example.org",
        ],
    },
    {
        "text": (
            "Are seasonal workers in coastal towns being pushed out of housing by holiday lets?"
        ),
        "action": ("Publish evidence for controls on short-term lets in coastal communities."),
        "action_type": "influence-policy",
        "themes": ["rural", "work", "housing"],
        "geography": "South West",
        "population_groups": ["seasonal workers", "private renters"],
        "org": "everyday",
        "author": "hannah.levy@everyday.example.org",
        "show_org": True,
        "status": "open",
        "family": "coastal-seasonal-work",
        "supporters": [],
    },
    {
        "text": (
            "How much lower are annual earnings in coastal and seasonal economies than hourly "
            "pay rates suggest?"
        ),
        "action": (
            "Produce a statistical release comparing annual and hourly pay in seasonal areas."
        ),
        "action_type": "understand-need",
        "themes": ["rural", "work"],
        "geography": "England",
        "population_groups": ["seasonal workers"],
        "org": "ukss",
        "author": "neil.fraser@ukss.example.org",
        "show_org": True,
        "status": "open",
        "family": "coastal-seasonal-work",
        "supporters": [
            "jenna.trewin@kernow.example.org",
            "joanne.byrne@merseyca.example.org",
            "sam.oduya@dpt.example.org",
        ],
    },
    {
        "text": (
            "How many workers in Southport and along the Wirral coast depend on seasonal "
            "hospitality jobs, and how many claim Universal Credit in winter?"
        ),
        "action": (
            "Target the combined authority's adult skills funding at winter training for "
            "seasonal workers."
        ),
        "action_type": "target-resources",
        "themes": ["work", "income-benefits"],
        "geography": "Sefton",
        "population_groups": ["seasonal workers"],
        "org": "merseyca",
        "author": "kwame.asante@merseyca.example.org",
        "show_org": True,
        "status": "open",
        "family": "coastal-seasonal-work",
        "supporters": [
            "neil.fraser@ukss.example.org",
            "pete.hocking@kernow.example.org",
            "tomasz.nowak@elmr.example.org",
        ],
    },
]


DATASETS = [
    {
        "title": "Households Below Average Income (HBAI)",
        "description": (
            "DWP's annual official statistics on household incomes and poverty, based on the "
            "Family Resources Survey. Reports the number and share of people in relative and "
            "absolute low income before and after housing costs, by family type, work status, "
            "disability, ethnicity and tenure. Regional figures are three-year averages "
            "because of sample size, and the survey leaves out people in communal settings "
            "such as care homes and hostels."
        ),
        "holder": "ukss",
        "contact": "sunita.patel@ukss.example.org",
        "themes": ["income-benefits", "child-poverty", "work", "disability"],
        "geography": "UK-wide",
        "granularity": "nation and region",
        "time_span": "1994/95-2024/25",
        "update_frequency": "annual",
        "format": "XLSX, ODS and Stat-Xplore",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": [
            "poverty",
            "low income",
            "after housing costs",
            "relative poverty",
            "official statistics",
        ],
        "families": [
            "in-work-poverty",
            "two-child-limit",
            "local-child-poverty-estimates",
            "disability-extra-costs",
        ],
    },
    {
        "title": "DWP Stat-Xplore: people and households on Universal Credit",
        "description": (
            "Monthly official statistics on people and households on Universal Credit, drawn "
            "from DWP administrative data and published through Stat-Xplore. Counts can be "
            "broken down by conditionality regime, employment status, age, family type and "
            "housing entitlement, for local authorities, wards and smaller areas. Covers Great "
            "Britain only, since Northern Ireland figures are published by the Department for "
            "Communities, and the latest months are provisional."
        ),
        "holder": "ukss",
        "contact": "neil.fraser@ukss.example.org",
        "themes": ["income-benefits", "work", "housing"],
        "geography": "UK-wide",
        "granularity": "local authority, ward and LSOA",
        "time_span": "2013-2026",
        "update_frequency": "monthly",
        "format": "API and CSV",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": [
            "universal credit",
            "claimants",
            "stat-xplore",
            "conditionality",
            "housing entitlement",
        ],
        "families": [
            "uc-wait-foodbank",
            "lha-shortfall",
            "in-work-poverty",
            "coastal-seasonal-work",
            "zero-hours-contracts",
        ],
    },
    {
        "title": "Children in low income families: local area statistics",
        "description": (
            "Annual DWP and HMRC statistics on the number and proportion of children under 16 "
            "in relative and absolute low income families, before housing costs, for local "
            "authorities, constituencies and wards. Figures are calibrated to the regional "
            "totals in Households Below Average Income. There are no official "
            "after-housing-costs figures at local level, so the series understates poverty "
            "where rents are high."
        ),
        "holder": "ukss",
        "contact": "sunita.patel@ukss.example.org",
        "themes": ["child-poverty", "income-benefits"],
        "geography": "UK-wide",
        "granularity": "local authority and ward",
        "time_span": "2014/15-2024/25",
        "update_frequency": "annual",
        "format": "XLSX and Stat-Xplore",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": [
            "child poverty",
            "local area",
            "before housing costs",
            "ward",
            "low income families",
        ],
        "families": ["local-child-poverty-estimates", "hidden-rural-poverty"],
    },
    {
        "title": "Family Resources Survey",
        "description": (
            "The annual DWP household survey behind the UK's official poverty statistics, "
            "recording income from all sources, benefit receipt, housing costs, disability, "
            "caring, childcare and, since 2019/20, household food security. User-level data "
            "are available to registered researchers through the UK Data Service. Sample sizes "
            "limit analysis below regional level, and benefit receipt is under-reported "
            "compared with administrative records."
        ),
        "holder": "ukss",
        "contact": "sunita.patel@ukss.example.org",
        "themes": ["income-benefits", "food", "disability", "childcare"],
        "geography": "UK-wide",
        "granularity": "household",
        "time_span": "1994/95-2024/25",
        "update_frequency": "annual",
        "format": "SPSS and Stata",
        "access_level": "on-request",
        "licence": "UK Data Service End User Licence",
        "url": None,
        "keywords": [
            "household survey",
            "income",
            "food security",
            "benefit receipt",
            "caring",
            "microdata",
        ],
        "families": [
            "food-insecurity-local",
            "unpaid-carers",
            "disability-extra-costs",
            "childcare-costs-work",
            "in-work-poverty",
        ],
    },
    {
        "title": "ONS Annual Survey of Hours and Earnings (ASHE)",
        "description": (
            "Official statistics on employee pay and hours, based on a 1% sample of jobs taken "
            "from HMRC PAYE records each April. Tables give hourly, weekly and annual pay by "
            "occupation, industry, sex and working pattern, for local authorities by place of "
            "work and place of residence. It excludes the self-employed, and small-area and "
            "annual figures for seasonal workers have wide confidence intervals."
        ),
        "holder": "ukss",
        "contact": "neil.fraser@ukss.example.org",
        "themes": ["work"],
        "geography": "UK-wide",
        "granularity": "local authority",
        "time_span": "1997-2025",
        "update_frequency": "annual",
        "format": "XLSX",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": ["earnings", "low pay", "hours", "living wage", "employees"],
        "families": ["in-work-poverty", "coastal-seasonal-work"],
    },
    {
        "title": "Census 2021: household deprivation dimensions",
        "description": (
            "Census 2021 counts of households in England and Wales by four dimensions of "
            "deprivation: employment, education, health and disability, and housing. Available "
            "down to output area and LSOA, so it can be combined with other small-area data. "
            "Census Day fell during a national lockdown, when many people were furloughed, so "
            "the employment dimension needs care; Scotland and Northern Ireland publish their "
            "census results separately."
        ),
        "holder": "ukss",
        "contact": "sunita.patel@ukss.example.org",
        "themes": ["housing", "health", "disability", "work"],
        "geography": "England",
        "granularity": "output area and LSOA",
        "time_span": "2021",
        "update_frequency": "one-off",
        "format": "CSV and API",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": [
            "census",
            "household deprivation",
            "small area",
            "lsoa",
            "overcrowding",
        ],
        "families": ["hidden-rural-poverty", "local-child-poverty-estimates"],
    },
    {
        "title": "Census 2021: type of central heating",
        "description": (
            "Census 2021 counts of households in England and Wales by type of central heating, "
            "including mains gas, oil, LPG, electric, solid fuel, district heating, renewables "
            "and no central heating. Available down to output area, which makes it the most "
            "detailed source on homes off the gas grid. It records the heating system, not "
            "what it costs to run or whether households can afford to use it."
        ),
        "holder": "ukss",
        "contact": "neil.fraser@ukss.example.org",
        "themes": ["energy", "housing", "rural"],
        "geography": "England",
        "granularity": "output area and LSOA",
        "time_span": "2021",
        "update_frequency": "one-off",
        "format": "CSV and API",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": [
            "census",
            "central heating",
            "off gas grid",
            "heating oil",
            "small area",
        ],
        "families": ["off-gas-grid-heating", "fuel-poverty-targeting"],
    },
    {
        "title": "English Indices of Deprivation 2019",
        "description": (
            "The government's official measure of relative deprivation for the 32,844 small "
            "areas (LSOAs) in England, combining 39 indicators across seven domains, with "
            "supplementary indices for children (IDACI) and older people (IDAOPI). Most "
            "indicators relate to 2015/16. Ranks are relative, so they cannot show absolute "
            "change, and deprived households scattered through otherwise affluent rural areas "
            "are not picked out."
        ),
        "holder": "bradford",
        "contact": "kate.holmes@bradford.example.org",
        "themes": ["income-benefits", "child-poverty", "older-people", "rural"],
        "geography": "England",
        "granularity": "LSOA",
        "time_span": "2015/16 (published 2019)",
        "update_frequency": "one-off",
        "format": "XLSX and CSV",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": ["deprivation", "imd", "lsoa", "idaci", "small area", "ranks"],
        "families": [
            "hidden-rural-poverty",
            "local-child-poverty-estimates",
            "fuel-poverty-targeting",
        ],
    },
    {
        "title": "Sub-regional fuel poverty statistics (England)",
        "description": (
            "DESNZ's annual estimates of the number and share of households in fuel poverty in "
            "each local authority, constituency and LSOA in England, using the Low Income Low "
            "Energy Efficiency (LILEE) measure. Figures are modelled from the English Housing "
            "Survey and published about two years after the reference year. Because the "
            "measure only counts homes below EPC band C, it misses low-income households in "
            "efficient homes who still cannot afford to heat them."
        ),
        "holder": "warmhomes",
        "contact": "ben.taylor@warmhomes.example.org",
        "themes": ["energy", "housing"],
        "geography": "England",
        "granularity": "LSOA",
        "time_span": "2019-2023",
        "update_frequency": "annual",
        "format": "XLSX",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": [
            "fuel poverty",
            "lilee",
            "energy efficiency",
            "lsoa",
            "modelled estimates",
        ],
        "families": [
            "fuel-poverty-targeting",
            "warm-spaces",
            "off-gas-grid-heating",
            "cold-homes-health",
        ],
    },
    {
        "title": "Schools, pupils and their characteristics: free school meals",
        "description": (
            "DfE's annual statistics from the January school census on pupils in state-funded "
            "schools in England, including the number and share eligible for free school "
            "meals, by school, local authority and region. Eligibility is only recorded once a "
            "family has applied and been checked, so it misses children who qualify but are "
            "not registered. Transitional protection during the move to Universal Credit has "
            "also pushed recorded eligibility up since 2018."
        ),
        "holder": "pennine",
        "contact": "james.whittaker@pennine.example.org",
        "themes": ["child-poverty", "education", "food"],
        "geography": "England",
        "granularity": "school and local authority",
        "time_span": "2010-2025",
        "update_frequency": "annual",
        "format": "CSV",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": [
            "free school meals",
            "school census",
            "eligibility",
            "pupils",
            "disadvantage",
        ],
        "families": ["fsm-auto-enrolment", "holiday-hunger", "attainment-gap"],
    },
    {
        "title": "Statutory homelessness in England (H-CLIC)",
        "description": (
            "MHCLG's quarterly and annual statistics on households assessed as homeless or "
            "threatened with homelessness, from councils' case-level returns. Records the duty "
            "owed, the reason for losing the last settled home (such as the end of a private "
            "tenancy, rent arrears or leaving asylum accommodation), household type and "
            "support needs, by local authority. Some councils submit incomplete returns in "
            "some quarters, and only households who approach their council are counted."
        ),
        "holder": "merseyca",
        "contact": "kwame.asante@merseyca.example.org",
        "themes": ["housing"],
        "geography": "England",
        "granularity": "local authority",
        "time_span": "2018-2026",
        "update_frequency": "quarterly",
        "format": "XLSX and ODS",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": [
            "homelessness",
            "h-clic",
            "prevention duty",
            "relief duty",
            "reason for homelessness",
        ],
        "families": [
            "private-evictions",
            "refugee-move-on",
            "temporary-accommodation",
            "private-rent-arrears",
        ],
    },
    {
        "title": ("Statutory homelessness: households in temporary accommodation"),
        "description": (
            "Quarterly counts of households in temporary accommodation arranged by English "
            "councils, by type of accommodation (including bed and breakfast, nightly-paid and "
            "hostels), with the number of children and the number placed in another district. "
            "These are end-of-quarter snapshots, so they do not show length of stay. Costs are "
            "not included and have to be taken from councils' revenue outturn returns."
        ),
        "holder": "merseyca",
        "contact": "joanne.byrne@merseyca.example.org",
        "themes": ["housing", "child-poverty"],
        "geography": "England",
        "granularity": "local authority",
        "time_span": "1998-2026",
        "update_frequency": "quarterly",
        "format": "XLSX and ODS",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": [
            "temporary accommodation",
            "bed and breakfast",
            "out of area placements",
            "children",
            "homelessness",
        ],
        "families": ["temporary-accommodation"],
    },
    {
        "title": "Ofcom Connected Nations",
        "description": (
            "Ofcom's annual report, with interim updates, on fixed broadband availability and "
            "mobile coverage across the UK. Data tables give the share of premises that can "
            "get superfast, full-fibre and gigabit broadband, and mobile coverage, by local "
            "authority, postcode and output area. It measures what is available, not what "
            "people can afford or actually use."
        ),
        "holder": "everyday",
        "contact": "hannah.levy@everyday.example.org",
        "themes": ["digital-exclusion", "rural"],
        "geography": "UK-wide",
        "granularity": "postcode and output area",
        "time_span": "2017-2025",
        "update_frequency": "annual",
        "format": "CSV",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": [
            "broadband",
            "mobile coverage",
            "connectivity",
            "full fibre",
            "postcode",
        ],
        "families": ["data-poverty"],
    },
    {
        "title": "DfT bus statistics",
        "description": (
            "Department for Transport statistics on local bus services in England, including "
            "passenger journeys, vehicle miles run, fares and concessionary travel, by local "
            "transport authority. Vehicle miles give a consistent measure of how much service "
            "is run over time. Figures are at authority level, so they do not show which "
            "routes or neighbourhoods lost services."
        ),
        "holder": "merseyca",
        "contact": "joanne.byrne@merseyca.example.org",
        "themes": ["transport", "rural"],
        "geography": "England",
        "granularity": "local transport authority",
        "time_span": "2009/10-2024/25",
        "update_frequency": "annual",
        "format": "ODS",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": [
            "buses",
            "vehicle miles",
            "passenger journeys",
            "concessionary fares",
            "local transport",
        ],
        "families": ["bus-service-cuts", "rural-transport"],
    },
    {
        "title": "OHID Fingertips public health profiles",
        "description": (
            "Public health indicators from the Office for Health Improvement and Disparities, "
            "covering fuel poverty, excess winter deaths, child development, mental health, "
            "loneliness, healthy life expectancy and more. Most indicators are published for "
            "local authorities and integrated care boards, some for wards and GP practices, "
            "and they can be downloaded through an API. Indicators come from many sources with "
            "different time lags and definitions."
        ),
        "holder": "humbericb",
        "contact": "steve.marshall@humbericb.example.org",
        "themes": ["health", "mental-health", "child-poverty"],
        "geography": "England",
        "granularity": "local authority, ICB and GP practice",
        "time_span": "2010-2025",
        "update_frequency": "monthly",
        "format": "API and CSV",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": [
            "public health",
            "indicators",
            "health inequalities",
            "excess winter deaths",
            "gp practice",
        ],
        "families": [
            "cold-homes-health",
            "older-people-cold-loneliness",
            "poverty-mental-health",
        ],
    },
    {
        "title": "Scottish Index of Multiple Deprivation 2020",
        "description": (
            "The Scottish Government's official tool for finding areas of concentrated "
            "deprivation, ranking 6,976 data zones across seven domains: income, employment, "
            "education, health, access to services, crime and housing. It is widely used to "
            "target funding and services. It identifies deprived areas rather than deprived "
            "people, and most people on low incomes in rural Scotland do not live in the most "
            "deprived data zones."
        ),
        "holder": "clydecentre",
        "contact": "morag.campbell@clydecentre.example.org",
        "themes": ["rural", "income-benefits", "health", "education"],
        "geography": "Scotland",
        "granularity": "data zone",
        "time_span": "2020",
        "update_frequency": "one-off",
        "format": "XLSX and CSV",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": [
            "simd",
            "deprivation",
            "data zone",
            "access to services",
            "small area",
        ],
        "families": [
            "hidden-rural-poverty",
            "local-child-poverty-estimates",
            "attainment-gap",
        ],
    },
    {
        "title": "Welsh Index of Multiple Deprivation 2019",
        "description": (
            "The Welsh Government's official measure of relative deprivation for the 1,909 "
            "small areas (LSOAs) in Wales, across eight domains: income, employment, health, "
            "education, access to services, housing, community safety and physical "
            "environment. Used to target programmes and funding. Ranks show which areas are "
            "most deprived but not by how much, and dispersed rural deprivation is hard to see."
        ),
        "holder": "valleysadvice",
        "contact": "rhian.morgan@valleysadvice.example.org",
        "themes": ["rural", "income-benefits", "health", "housing"],
        "geography": "Wales",
        "granularity": "LSOA",
        "time_span": "2019",
        "update_frequency": "one-off",
        "format": "XLSX and ODS",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": [
            "wimd",
            "deprivation",
            "lsoa",
            "access to services",
            "small area",
        ],
        "families": ["hidden-rural-poverty", "local-child-poverty-estimates"],
    },
    {
        "title": "Northern Ireland Multiple Deprivation Measure 2017",
        "description": (
            "NISRA's official measure of relative deprivation across Northern Ireland's 890 "
            "Super Output Areas, combining seven domains: income, employment, health and "
            "disability, education, access to services, living environment, and crime and "
            "disorder. It includes a measure of children living in income-deprived households. "
            "Most indicators relate to 2015 and 2016, so it predates the cost of living crisis."
        ),
        "holder": "lagan",
        "contact": "siobhan.mcgrath@lagan.example.org",
        "themes": ["income-benefits", "health", "rural"],
        "geography": "Northern Ireland",
        "granularity": "Super Output Area",
        "time_span": "2017",
        "update_frequency": "one-off",
        "format": "XLSX",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": [
            "nimdm",
            "deprivation",
            "super output area",
            "small area",
            "income deprivation",
        ],
        "families": ["hidden-rural-poverty", "local-child-poverty-estimates"],
    },
    {
        "title": "Income-related benefits: estimates of take-up",
        "description": (
            "DWP's official estimates of the share of eligible people, and of eligible money, "
            "that is claimed for Pension Credit and Housing Benefit, with estimates of the "
            "total left unclaimed. Estimates are modelled from the Family Resources Survey for "
            "Great Britain and carry wide confidence intervals. There are no official figures "
            "for individual local authorities."
        ),
        "holder": "ukss",
        "contact": "neil.fraser@ukss.example.org",
        "themes": ["older-people", "income-benefits"],
        "geography": "UK-wide",
        "granularity": "national",
        "time_span": "2009/10-2023/24",
        "update_frequency": "annual",
        "format": "XLSX",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": [
            "take-up",
            "pension credit",
            "unclaimed benefits",
            "housing benefit",
            "entitlement",
        ],
        "families": ["pension-credit-take-up", "benefit-take-up"],
    },
    {
        "title": "DWP Stat-Xplore: Pension Credit claimants",
        "description": (
            "Quarterly counts of people receiving Pension Credit, split by guarantee and "
            "savings credit, age, sex and household type, for Great Britain down to local "
            "authority and LSOA. Set against population estimates it gives a rough picture of "
            "local claim rates. It cannot show how many eligible people are not claiming."
        ),
        "holder": "ukss",
        "contact": "sunita.patel@ukss.example.org",
        "themes": ["older-people", "income-benefits"],
        "geography": "UK-wide",
        "granularity": "local authority and LSOA",
        "time_span": "2010-2026",
        "update_frequency": "quarterly",
        "format": "API and CSV",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": [
            "pension credit",
            "pensioners",
            "claimants",
            "stat-xplore",
            "caseload",
        ],
        "families": ["pension-credit-take-up"],
    },
    {
        "title": "Home Office asylum support statistics",
        "description": (
            "Quarterly Home Office statistics on people receiving asylum support under section "
            "95 and section 4, by local authority and type of accommodation, including initial "
            "accommodation, dispersal accommodation and contingency hotels. Counts are "
            "snapshots at the end of each quarter. The tables do not show the weekly amounts "
            "paid, and people receiving no support are not counted."
        ),
        "holder": "elmr",
        "contact": "tomasz.nowak@elmr.example.org",
        "themes": ["migrants", "housing"],
        "geography": "UK-wide",
        "granularity": "local authority",
        "time_span": "2014-2026",
        "update_frequency": "quarterly",
        "format": "ODS",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": [
            "asylum support",
            "section 95",
            "dispersal",
            "contingency hotels",
            "home office",
        ],
        "families": ["asylum-support-rates", "refugee-move-on"],
    },
    {
        "title": "Understanding Society: the UK Household Longitudinal Study",
        "description": (
            "A panel survey that has followed members of around 40,000 UK households every "
            "year since 2009, building on the British Household Panel Survey from 1991. It "
            "records income, work, benefits, debt, caring, health, mental wellbeing and "
            "loneliness for the same people over time, so it can show what happens before and "
            "after events such as job loss. Standard data are available through the UK Data "
            "Service; detailed geography needs a special licence, and attrition has thinned "
            "the sample of the poorest households."
        ),
        "holder": "fenlanduni",
        "contact": "tom.ashby@fenlanduni.example.org",
        "themes": ["mental-health", "income-benefits", "work", "debt"],
        "geography": "UK-wide",
        "granularity": "individual and household",
        "time_span": "2009-2024",
        "update_frequency": "annual",
        "format": "SPSS and Stata",
        "access_level": "on-request",
        "licence": ("UK Data Service End User Licence (Special Licence for detailed geography)"),
        "url": None,
        "keywords": [
            "panel survey",
            "longitudinal",
            "mental health",
            "caring",
            "household finances",
            "loneliness",
        ],
        "families": [
            "poverty-mental-health",
            "unpaid-carers",
            "in-work-poverty",
            "private-rent-arrears",
            "disability-extra-costs",
            "older-people-cold-loneliness",
        ],
    },
    {
        "title": "Food Foundation Food Insecurity Tracker",
        "description": (
            "Online survey rounds, run several times a year since March 2020, asking around "
            "6,000 UK adults about food insecurity in the previous month, using questions "
            "adapted from the US Department of Agriculture measure. Results are published by "
            "household type, region, benefit receipt and disability. Online panels "
            "under-represent people without internet access, and sample sizes do not support "
            "estimates below regional level."
        ),
        "holder": "fenlanduni",
        "contact": "grace.okonkwo@fenlanduni.example.org",
        "themes": ["food", "child-poverty"],
        "geography": "UK-wide",
        "granularity": "region",
        "time_span": "2020-2026",
        "update_frequency": "annual",
        "format": "XLSX",
        "access_level": "open",
        "licence": "Free to reuse with attribution to the Food Foundation",
        "url": None,
        "keywords": [
            "food insecurity",
            "survey",
            "skipping meals",
            "children",
            "tracker",
        ],
        "families": ["food-insecurity-local"],
    },
    {
        "title": "DWP benefit sanctions statistics",
        "description": (
            "DWP official statistics on sanctions applied to Universal Credit, Jobseeker's "
            "Allowance and Employment and Support Allowance claimants, including the number of "
            "sanction decisions, the reason, and the share of claimants under a sanction each "
            "month. Available by local authority and Jobcentre Plus office for Great Britain "
            "through Stat-Xplore. The figures do not show the financial effect on households."
        ),
        "holder": "ukss",
        "contact": "neil.fraser@ukss.example.org",
        "themes": ["income-benefits", "work"],
        "geography": "UK-wide",
        "granularity": "local authority",
        "time_span": "2016-2026",
        "update_frequency": "quarterly",
        "format": "API and CSV",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": [
            "sanctions",
            "conditionality",
            "universal credit",
            "jobcentre",
            "stat-xplore",
        ],
        "families": ["benefit-sanctions"],
    },
    {
        "title": "Personal Independence Payment statistics",
        "description": (
            "DWP quarterly statistics on PIP registrations, clearances and award rates by main "
            "disabling condition, with outcomes of mandatory reconsiderations and the time "
            "from registration to decision. Available by local authority for Great Britain "
            "through Stat-Xplore; Northern Ireland figures are published by the Department for "
            "Communities. Tribunal outcomes are in the separate Ministry of Justice statistics."
        ),
        "holder": "dpt",
        "contact": "claire.hollis@dpt.example.org",
        "themes": ["disability", "income-benefits"],
        "geography": "UK-wide",
        "granularity": "local authority",
        "time_span": "2013-2026",
        "update_frequency": "quarterly",
        "format": "API and CSV",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": [
            "pip",
            "personal independence payment",
            "award rates",
            "mandatory reconsideration",
            "disability benefits",
        ],
        "families": ["pip-assessments"],
    },
    {
        "title": ("Tribunal statistics: social security and child support appeals"),
        "description": (
            "Ministry of Justice quarterly statistics on appeals to the First-tier Tribunal "
            "(Social Security and Child Support), including appeals received and cleared and "
            "the share of decisions changed in the claimant's favour for PIP, ESA and "
            "Universal Credit. Figures are national only, with no breakdown by area or "
            "condition."
        ),
        "holder": "dpt",
        "contact": "sam.oduya@dpt.example.org",
        "themes": ["disability", "income-benefits"],
        "geography": "UK-wide",
        "granularity": "national",
        "time_span": "2010-2026",
        "update_frequency": "quarterly",
        "format": "ODS",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": ["tribunal", "appeals", "overturn rate", "pip", "sscs"],
        "families": ["pip-assessments"],
    },
    {
        "title": "Collection rates for council tax in England",
        "description": (
            "MHCLG's annual statistics on the council tax collected in year by each billing "
            "authority in England, with the value of arrears outstanding and amounts written "
            "off. Gives a consistent picture of how council tax debt is growing across "
            "councils. It records amounts owed, not the number or circumstances of the "
            "households behind them."
        ),
        "holder": "bradford",
        "contact": "imran.akhtar@bradford.example.org",
        "themes": ["debt"],
        "geography": "England",
        "granularity": "local authority",
        "time_span": "2005/06-2024/25",
        "update_frequency": "annual",
        "format": "ODS",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": [
            "council tax",
            "arrears",
            "collection rates",
            "local government finance",
        ],
        "families": ["council-tax-arrears"],
    },
    {
        "title": "English Housing Survey",
        "description": (
            "The government's annual national survey of housing in England, combining "
            "household interviews with a physical inspection of a subsample of homes by "
            "surveyors. It reports damp and mould, energy efficiency, decency, overcrowding, "
            "rents and affordability by tenure. Headline reports and tables are open and "
            "microdata are available through the UK Data Service; results are national and "
            "regional only."
        ),
        "holder": "northstar",
        "contact": "helen.whitfield@northstar.example.org",
        "themes": ["housing", "energy", "health"],
        "geography": "England",
        "granularity": "national and region",
        "time_span": "2008/09-2024/25",
        "update_frequency": "annual",
        "format": "XLSX and SPSS",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": [
            "housing conditions",
            "damp",
            "decent homes",
            "tenure",
            "private rented sector",
        ],
        "families": [
            "damp-mould",
            "cold-homes-health",
            "private-rent-arrears",
            "fuel-poverty-targeting",
        ],
    },
    {
        "title": "Local Housing Allowance rates",
        "description": (
            "Local Housing Allowance rates set each year by rent officers for every Broad "
            "Rental Market Area, by number of bedrooms, which cap help with rent for private "
            "renters on Universal Credit and Housing Benefit. Rates have been frozen for "
            "several years at a time and occasionally reset, so the gap against actual rents "
            "changes from year to year. Broad Rental Market Areas do not match local authority "
            "boundaries."
        ),
        "holder": "valleysadvice",
        "contact": "gareth.pugh@valleysadvice.example.org",
        "themes": ["housing", "income-benefits"],
        "geography": "UK-wide",
        "granularity": "Broad Rental Market Area",
        "time_span": "2011-2026",
        "update_frequency": "annual",
        "format": "XLSX and CSV",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": [
            "local housing allowance",
            "brma",
            "private rent",
            "housing element",
            "shortfall",
        ],
        "families": ["lha-shortfall"],
    },
    {
        "title": "ONS Price Index of Private Rents",
        "description": (
            "Monthly ONS official statistics on private rents, giving average rents and annual "
            "rent inflation by property size for regions and local authorities. It covers "
            "rents paid on existing as well as new tenancies, so it rises more slowly than "
            "advertised rents."
        ),
        "holder": "everyday",
        "contact": "hannah.levy@everyday.example.org",
        "themes": ["housing"],
        "geography": "UK-wide",
        "granularity": "local authority",
        "time_span": "2015-2026",
        "update_frequency": "monthly",
        "format": "XLSX",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": [
            "private rents",
            "rent inflation",
            "local authority",
            "affordability",
        ],
        "families": ["lha-shortfall", "private-rent-arrears", "private-evictions"],
    },
    {
        "title": "Ofgem domestic energy debt and arrears indicators",
        "description": (
            "Data collected by Ofgem from energy suppliers on the number of domestic accounts "
            "in arrears with and without a repayment arrangement, the total value of debt and "
            "arrears, and prepayment meter installations, by fuel and payment type. Published "
            "for Great Britain as a whole, not by area. Supplier reporting definitions have "
            "changed over time."
        ),
        "holder": "warmhomes",
        "contact": "ruth.okafor@warmhomes.example.org",
        "themes": ["energy", "debt"],
        "geography": "UK-wide",
        "granularity": "national",
        "time_span": "2019-2026",
        "update_frequency": "quarterly",
        "format": "XLSX",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": ["energy debt", "arrears", "prepayment", "ofgem", "suppliers"],
        "families": ["energy-debt-arrears", "prepayment-self-disconnection"],
    },
    {
        "title": ("ONS Labour Force Survey: economic inactivity and zero-hours contracts"),
        "description": (
            "Estimates from the Labour Force Survey of people who are economically inactive by "
            "main reason, including long-term sickness, and of people employed on zero-hours "
            "contracts, by age, sex, region and industry. Response rates fell sharply from "
            "2023, so the estimates carry warnings from ONS and are volatile below national "
            "level."
        ),
        "holder": "ukss",
        "contact": "neil.fraser@ukss.example.org",
        "themes": ["work", "health"],
        "geography": "UK-wide",
        "granularity": "region",
        "time_span": "2000-2026",
        "update_frequency": "quarterly",
        "format": "XLSX",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": [
            "labour force survey",
            "economic inactivity",
            "long-term sickness",
            "zero-hours contracts",
            "employment",
        ],
        "families": [
            "waiting-lists-work",
            "zero-hours-contracts",
            "coastal-seasonal-work",
        ],
    },
    {
        "title": "NHS referral to treatment waiting times",
        "description": (
            "Monthly NHS England statistics on patients waiting to start consultant-led "
            "planned treatment, by specialty, provider and integrated care board, including "
            "the number waiting more than 18 and 52 weeks. Counts are of pathways rather than "
            "people, and hold nothing on patients' work or income."
        ),
        "holder": "humbericb",
        "contact": "priya.nair@humbericb.example.org",
        "themes": ["health"],
        "geography": "England",
        "granularity": "provider and ICB",
        "time_span": "2007-2026",
        "update_frequency": "monthly",
        "format": "CSV",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": [
            "waiting lists",
            "planned care",
            "referral to treatment",
            "nhs",
        ],
        "families": ["waiting-lists-work"],
    },
    {
        "title": "DfT journey time statistics",
        "description": (
            "Department for Transport estimates of the shortest travel time from each small "
            "area in England to key services, including employment centres, GP surgeries, "
            "hospitals, schools, further education and food stores, by public transport and "
            "walking, by bicycle and by car. Useful for finding places where people without a "
            "car are cut off. The latest figures may predate recent bus service changes."
        ),
        "holder": "kernow",
        "contact": "pete.hocking@kernow.example.org",
        "themes": ["transport", "rural", "health"],
        "geography": "England",
        "granularity": "LSOA",
        "time_span": "2014-2019",
        "update_frequency": "annual",
        "format": "ODS",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": [
            "journey times",
            "access to services",
            "public transport",
            "lsoa",
            "no car",
        ],
        "families": [
            "rural-transport",
            "bus-service-cuts",
            "travel-costs-appointments",
        ],
    },
    {
        "title": "Key stage 4 performance: disadvantaged pupils",
        "description": (
            "DfE's annual statistics on GCSE results in England, including Attainment 8 and "
            "the disadvantage gap index, by school and local authority. Disadvantaged pupils "
            "are those eligible for free school meals in the last six years, looked after or "
            "adopted from care. Results for 2020 and 2021 were based on teacher assessment and "
            "are not comparable with other years."
        ),
        "holder": "pennine",
        "contact": "james.whittaker@pennine.example.org",
        "themes": ["education", "child-poverty"],
        "geography": "England",
        "granularity": "school and local authority",
        "time_span": "2011-2025",
        "update_frequency": "annual",
        "format": "CSV",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": [
            "attainment gap",
            "gcse",
            "disadvantaged pupils",
            "pupil premium",
            "key stage 4",
        ],
        "families": ["attainment-gap"],
    },
    {
        "title": "Childcare and early years survey of parents",
        "description": (
            "DfE's national survey of parents in England with children aged 0 to 14, recording "
            "use of formal and informal childcare, what parents pay, awareness and take-up of "
            "funded hours and Tax-Free Childcare, and whether childcare affects their work. "
            "National estimates only; the sample is too small for local analysis."
        ),
        "holder": "ukss",
        "contact": "sunita.patel@ukss.example.org",
        "themes": ["childcare", "work"],
        "geography": "England",
        "granularity": "national",
        "time_span": "2010-2024",
        "update_frequency": "annual",
        "format": "XLSX and SPSS",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": [
            "childcare",
            "funded hours",
            "early years",
            "parents",
            "childcare costs",
        ],
        "families": ["childcare-costs-work"],
    },
    {
        "title": "Scottish House Condition Survey: fuel poverty",
        "description": (
            "The Scottish Government's annual survey of housing condition and energy "
            "efficiency, which provides Scotland's official fuel poverty and extreme fuel "
            "poverty rates, including the remote rural uplift to the minimum income standard. "
            "Results are national, with local authority figures as three-year averages. It "
            "records primary heating fuel, so homes off the gas grid can be analysed "
            "separately."
        ),
        "holder": "clydecentre",
        "contact": "aamir.hussain@clydecentre.example.org",
        "themes": ["energy", "housing", "rural"],
        "geography": "Scotland",
        "granularity": "national and local authority",
        "time_span": "2012-2023",
        "update_frequency": "annual",
        "format": "XLSX",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": [
            "fuel poverty",
            "house condition",
            "heating fuel",
            "remote rural",
            "energy efficiency",
        ],
        "families": [
            "off-gas-grid-heating",
            "fuel-poverty-targeting",
            "hidden-rural-poverty",
        ],
    },
    {
        "title": "DWP statistics on the two-child limit",
        "description": (
            "Annual DWP and HMRC statistics on households and children in families on "
            "Universal Credit or Child Tax Credit affected by the policy to support a maximum "
            "of two children, including exceptions granted. Broken down by nation, region and "
            "number of children. Figures are snapshots taken in April each year."
        ),
        "holder": "ukss",
        "contact": "sunita.patel@ukss.example.org",
        "themes": ["income-benefits", "child-poverty"],
        "geography": "UK-wide",
        "granularity": "nation and region",
        "time_span": "2018-2025",
        "update_frequency": "annual",
        "format": "XLSX and ODS",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": [
            "two-child limit",
            "universal credit",
            "child tax credit",
            "larger families",
            "exceptions",
        ],
        "families": ["two-child-limit"],
    },
    {
        "title": "DWP Move to Universal Credit statistics",
        "description": (
            "Official statistics on the managed move of people from legacy benefits to "
            "Universal Credit, including migration notices issued, claims made and cases "
            "closed without a claim, by legacy benefit. National figures for Great Britain. "
            "They do not follow what happens to people whose benefits stopped."
        ),
        "holder": "ukss",
        "contact": "neil.fraser@ukss.example.org",
        "themes": ["income-benefits"],
        "geography": "UK-wide",
        "granularity": "national",
        "time_span": "2022-2026",
        "update_frequency": "quarterly",
        "format": "ODS",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": [
            "move to universal credit",
            "migration notices",
            "legacy benefits",
            "tax credits",
            "managed migration",
        ],
        "families": ["managed-migration"],
    },
    {
        "title": "Mortgage and landlord possession statistics",
        "description": (
            "Ministry of Justice quarterly statistics on possession claims, orders, warrants "
            "and repossessions by county court bailiffs in England and Wales, with private "
            "landlord, social landlord and accelerated (no-fault) procedure claims shown "
            "separately, by local authority. They show court activity only: many tenants leave "
            "before any claim is made."
        ),
        "holder": "merseyca",
        "contact": "kwame.asante@merseyca.example.org",
        "themes": ["housing"],
        "geography": "England",
        "granularity": "local authority",
        "time_span": "2003-2026",
        "update_frequency": "quarterly",
        "format": "CSV",
        "access_level": "open",
        "licence": "Open Government Licence v3.0",
        "url": None,
        "keywords": [
            "possession claims",
            "evictions",
            "section 21",
            "landlords",
            "county court",
        ],
        "families": ["private-evictions", "social-housing-uc-arrears"],
    },
    {
        "title": "Tyne and Wear food bank referral records",
        "description": (
            "Individual referral and voucher records from the network's 23 food banks, "
            "recording date, food bank, referring agency, household make-up, whether anyone is "
            "in work, postcode district and the main and secondary reasons for referral, "
            "including benefit delays, deductions and sanctions. Around 30,000 referrals a "
            "year. Contains personal data about people in crisis; reasons are recorded by "
            "referrers with varying care, and one household can appear many times."
        ),
        "holder": "tynefood",
        "contact": "sarah.robson@tynefood.example.org",
        "themes": ["food", "income-benefits", "child-poverty"],
        "geography": "North East",
        "granularity": "individual referral",
        "time_span": "2019-2026",
        "update_frequency": "continuous",
        "format": "database extract",
        "access_level": "personal",
        "licence": "Not licensed for reuse",
        "url": None,
        "keywords": [
            "food bank",
            "referrals",
            "vouchers",
            "crisis",
            "reasons for referral",
            "benefit delays",
        ],
        "families": [
            "uc-wait-foodbank",
            "foodbank-repeat-use",
            "uc-deductions",
            "benefit-sanctions",
            "holiday-hunger",
            "in-work-poverty",
        ],
    },
    {
        "title": "Tyne and Wear food bank network monthly statistics",
        "description": (
            "Aggregated monthly counts of referrals, parcels and people fed (adults and "
            "children) across the network, by local authority and main reason for referral. "
            "Published openly each month. The figures count referrals, not unique households."
        ),
        "holder": "tynefood",
        "contact": "dave.charlton@tynefood.example.org",
        "themes": ["food", "child-poverty"],
        "geography": "North East",
        "granularity": "local authority",
        "time_span": "2019-2026",
        "update_frequency": "monthly",
        "format": "CSV",
        "access_level": "open",
        "licence": "CC BY 4.0",
        "url": None,
        "keywords": [
            "food bank",
            "monthly statistics",
            "parcels",
            "children",
            "reasons for referral",
        ],
        "families": [
            "uc-wait-foodbank",
            "holiday-hunger",
            "food-insecurity-local",
        ],
    },
    {
        "title": "Valleys Advice Cymru anonymised case records",
        "description": (
            "Anonymised advice case records since 2018, with each issue coded by category "
            "(such as Universal Credit deductions, PIP, council tax arrears, rent arrears and "
            "energy debt), client age band, household type, local authority, channel "
            "(face-to-face, phone or digital support) and financial outcome. About 11,000 "
            "clients a year across the valleys and Cardiff. Issue coding changed in 2021, so "
            "earlier years are not fully comparable."
        ),
        "holder": "valleysadvice",
        "contact": "gareth.pugh@valleysadvice.example.org",
        "themes": ["income-benefits", "debt", "housing", "disability"],
        "geography": "Wales",
        "granularity": "individual case",
        "time_span": "2018-2026",
        "update_frequency": "quarterly",
        "format": "database extract",
        "access_level": "on-request",
        "licence": "Data sharing agreement required",
        "url": None,
        "keywords": [
            "advice cases",
            "benefits advice",
            "debt advice",
            "deductions",
            "council tax",
            "financial gain",
        ],
        "families": [
            "uc-deductions",
            "benefit-take-up",
            "pip-assessments",
            "council-tax-arrears",
            "managed-migration",
            "online-only-claims",
        ],
    },
    {
        "title": "Northstar Homes rent account and tenancy records",
        "description": (
            "Weekly rent account balances, arrears, payment method (including managed payments "
            "and third-party deductions from Universal Credit), household make-up and tenancy "
            "outcomes for around 14,000 homes, with each tenant's benefit status as recorded "
            "by our income team. Contains personal data. Arrears are weekly snapshots and "
            "include timing effects from monthly Universal Credit payments."
        ),
        "holder": "northstar",
        "contact": "marcus.reid@northstar.example.org",
        "themes": ["housing", "income-benefits", "debt"],
        "geography": "West Midlands",
        "granularity": "household",
        "time_span": "2016-2026",
        "update_frequency": "weekly",
        "format": "database extract",
        "access_level": "restricted",
        "licence": "Not licensed for reuse",
        "url": None,
        "keywords": [
            "rent arrears",
            "tenancies",
            "managed payments",
            "universal credit",
            "social housing",
        ],
        "families": [
            "social-housing-uc-arrears",
            "uc-deductions",
            "managed-migration",
            "in-work-poverty",
        ],
    },
    {
        "title": "Northstar Homes damp and mould case records",
        "description": (
            "Every damp, mould and condensation report since 2021, with property type and age, "
            "EPC rating, inspection findings, works carried out and time to repair. Records "
            "whether the household includes children or someone with a respiratory condition, "
            "where tenants have told us. Reports depend on tenants coming forward, so homes "
            "where problems go unreported are missing."
        ),
        "holder": "northstar",
        "contact": "helen.whitfield@northstar.example.org",
        "themes": ["housing", "health"],
        "geography": "West Midlands",
        "granularity": "property",
        "time_span": "2021-2026",
        "update_frequency": "monthly",
        "format": "CSV",
        "access_level": "on-request",
        "licence": "Data sharing agreement required",
        "url": None,
        "keywords": [
            "damp",
            "mould",
            "repairs",
            "epc",
            "social housing",
            "condensation",
        ],
        "families": ["damp-mould", "cold-homes-health", "fuel-poverty-targeting"],
    },
    {
        "title": "Bradford council tax arrears and recovery records",
        "description": (
            "Account-level records of council tax arrears, with recovery stage (reminder, "
            "summons, liability order, attachment to benefits or earnings, referral to "
            "enforcement agents), council tax support status and payment arrangements. Around "
            "40,000 accounts are in arrears in a typical year. Contains personal data and can "
            "only be analysed in pseudonymised form under a data sharing agreement."
        ),
        "holder": "bradford",
        "contact": "imran.akhtar@bradford.example.org",
        "themes": ["debt", "income-benefits"],
        "geography": "Bradford",
        "granularity": "household",
        "time_span": "2017-2026",
        "update_frequency": "monthly",
        "format": "database extract",
        "access_level": "restricted",
        "licence": "Data sharing agreement required",
        "url": None,
        "keywords": [
            "council tax",
            "arrears",
            "enforcement agents",
            "liability orders",
            "council tax support",
        ],
        "families": [
            "council-tax-arrears",
            "bailiff-enforcement",
            "uc-deductions",
            "benefit-take-up",
        ],
    },
    {
        "title": "Bradford discretionary support and crisis grant awards",
        "description": (
            "Records of applications to the council's discretionary support scheme and crisis "
            "grants, including what was asked for (food, energy, white goods, school uniform), "
            "award value, household type, ward and whether the person had applied before. "
            "Anonymised ward-level extracts can be shared on request."
        ),
        "holder": "bradford",
        "contact": "kate.holmes@bradford.example.org",
        "themes": ["income-benefits", "food", "energy", "child-poverty"],
        "geography": "Bradford",
        "granularity": "individual application",
        "time_span": "2019-2026",
        "update_frequency": "monthly",
        "format": "XLSX",
        "access_level": "on-request",
        "licence": "Data sharing agreement required",
        "url": None,
        "keywords": [
            "crisis grants",
            "discretionary support",
            "local welfare",
            "household support fund",
            "school uniform",
        ],
        "families": [
            "local-welfare-assistance",
            "school-uniform-costs",
            "uc-wait-foodbank",
            "energy-debt-arrears",
        ],
    },
    {
        "title": "Bradford free school meals eligibility checking records",
        "description": (
            "Results of the council's free school meals eligibility checks, matched against "
            "housing benefit and council tax support records to find children who are entitled "
            "but not registered. Includes school, year group and whether the family was "
            "enrolled automatically or applied. Contains personal data about children and is "
            "shared with schools only for enrolment."
        ),
        "holder": "bradford",
        "contact": "kate.holmes@bradford.example.org",
        "themes": ["child-poverty", "education", "food"],
        "geography": "Bradford",
        "granularity": "pupil",
        "time_span": "2023-2026",
        "update_frequency": "continuous",
        "format": "database extract",
        "access_level": "restricted",
        "licence": "Data sharing agreement required",
        "url": None,
        "keywords": [
            "free school meals",
            "auto-enrolment",
            "eligibility checking",
            "data matching",
            "pupils",
        ],
        "families": ["fsm-auto-enrolment", "benefit-take-up"],
    },
    {
        "title": "Warm Homes Alliance energy advice line records",
        "description": (
            "Anonymised records of about 45,000 calls a year to the national energy advice "
            "line, recording meter type, heating fuel, whether the caller has "
            "self-disconnected or is rationing, debt band, household vulnerabilities, "
            "referrals made and postcode district. Callers choose to ring us, so the data "
            "over-represents people already in difficulty and those who know about the service."
        ),
        "holder": "warmhomes",
        "contact": "ruth.okafor@warmhomes.example.org",
        "themes": ["energy", "debt", "older-people"],
        "geography": "UK-wide",
        "granularity": "individual call",
        "time_span": "2020-2026",
        "update_frequency": "continuous",
        "format": "database extract",
        "access_level": "on-request",
        "licence": "Data sharing agreement required",
        "url": None,
        "keywords": [
            "advice line",
            "self-disconnection",
            "prepayment",
            "energy debt",
            "vulnerability",
        ],
        "families": [
            "prepayment-self-disconnection",
            "energy-debt-arrears",
            "off-gas-grid-heating",
            "pension-credit-take-up",
            "older-people-cold-loneliness",
        ],
    },
    {
        "title": "Warm Homes Alliance prepayment meter survey 2025",
        "description": (
            "A one-off online and telephone survey of 2,150 adults in Great Britain with "
            "prepayment meters, asking how often they had self-disconnected or rationed energy "
            "in the previous three months, for how long, and what they went without. Weighted "
            "to the prepayment population by region and tenure. Answers are self-reported; "
            "telephone interviews were used to reach people without internet access."
        ),
        "holder": "warmhomes",
        "contact": "ben.taylor@warmhomes.example.org",
        "themes": ["energy", "disability"],
        "geography": "UK-wide",
        "granularity": "individual",
        "time_span": "2025",
        "update_frequency": "one-off",
        "format": "SPSS and CSV",
        "access_level": "open",
        "licence": "CC BY 4.0",
        "url": None,
        "keywords": [
            "prepayment",
            "self-disconnection",
            "self-rationing",
            "survey",
            "energy",
        ],
        "families": ["prepayment-self-disconnection", "energy-debt-arrears"],
    },
    {
        "title": "Warm spaces directory and visitor counts, winter 2024/25",
        "description": (
            "A directory of around 3,800 warm spaces registered with the Alliance across the "
            "UK, with location, opening hours, facilities and weekly visitor counts reported "
            "by hosts. Visitor counts are voluntary and missing for about a third of spaces, "
            "and visitors are described only by broad age band."
        ),
        "holder": "warmhomes",
        "contact": "ben.taylor@warmhomes.example.org",
        "themes": ["energy", "older-people"],
        "geography": "UK-wide",
        "granularity": "venue",
        "time_span": "2024-2025",
        "update_frequency": "one-off",
        "format": "CSV",
        "access_level": "open",
        "licence": "CC BY 4.0",
        "url": None,
        "keywords": [
            "warm spaces",
            "warm banks",
            "visitors",
            "community venues",
            "winter",
        ],
        "families": ["warm-spaces", "older-people-cold-loneliness"],
    },
    {
        "title": "Humber and Wolds linked population health dataset",
        "description": (
            "Pseudonymised linked records for around 1.7 million registered patients, joining "
            "GP, hospital, community and mental health data with council data on housing, "
            "social care and welfare advice referrals where partner councils take part. Used "
            "for population health management and risk stratification. Access is restricted to "
            "approved analysts working in the ICB's secure data environment, and council "
            "linkage covers only some areas."
        ),
        "holder": "humbericb",
        "contact": "priya.nair@humbericb.example.org",
        "themes": ["health", "mental-health", "housing", "energy"],
        "geography": "Yorkshire and the Humber",
        "granularity": "individual (pseudonymised)",
        "time_span": "2018-2026",
        "update_frequency": "monthly",
        "format": "secure data environment",
        "access_level": "restricted",
        "licence": "NHS information governance approval required",
        "url": None,
        "keywords": [
            "linked data",
            "population health",
            "gp records",
            "hospital admissions",
            "risk stratification",
        ],
        "families": [
            "cold-homes-health",
            "poverty-mental-health",
            "waiting-lists-work",
            "advice-in-health-settings",
            "damp-mould",
            "unpaid-carers",
        ],
    },
    {
        "title": "Kernow Rural Action outreach survey 2025",
        "description": (
            "A doorstep and village hall survey of 1,240 households in 38 rural parishes in "
            "Cornwall, covering income, heating fuel, transport, access to services, food "
            "costs, seasonal work and benefit claims. Parishes were chosen because they score "
            "as not deprived but our advisers see high need, so the results are not "
            "representative of Cornwall as a whole."
        ),
        "holder": "kernow",
        "contact": "jenna.trewin@kernow.example.org",
        "themes": ["rural", "energy", "transport", "income-benefits"],
        "geography": "Cornwall",
        "granularity": "household",
        "time_span": "2025",
        "update_frequency": "one-off",
        "format": "XLSX",
        "access_level": "on-request",
        "licence": "Shared on request, with attribution",
        "url": None,
        "keywords": [
            "rural",
            "outreach survey",
            "heating oil",
            "transport",
            "seasonal work",
            "parishes",
        ],
        "families": [
            "hidden-rural-poverty",
            "rural-transport",
            "off-gas-grid-heating",
            "coastal-seasonal-work",
            "benefit-take-up",
            "pension-credit-take-up",
        ],
    },
    {
        "title": "East London Migrant Rights Centre NRPF casework counts",
        "description": (
            "Monthly counts of new and open cases involving people with no recourse to public "
            "funds, by immigration status, household type, presence of children, destitution "
            "at first contact and outcome, including change of conditions applications and "
            "section 17 support. Covers our Tower Hamlets and Newham casework only, so it "
            "reflects who reaches us rather than the wider population."
        ),
        "holder": "elmr",
        "contact": "amina.yusuf@elmr.example.org",
        "themes": ["migrants", "child-poverty"],
        "geography": "Tower Hamlets",
        "granularity": "monthly aggregate",
        "time_span": "2019-2026",
        "update_frequency": "monthly",
        "format": "XLSX",
        "access_level": "on-request",
        "licence": "Shared on request, with attribution",
        "url": None,
        "keywords": [
            "no recourse to public funds",
            "nrpf",
            "destitution",
            "casework",
            "section 17",
        ],
        "families": ["nrpf"],
    },
    {
        "title": "Asylum support household budget diaries",
        "description": (
            "Four-week spending diaries kept in 2024 by 46 people receiving asylum support in "
            "east London, in both hotel and dispersal accommodation, with follow-up interviews "
            "about what they spent on food, travel, phone data and children's needs. Contains "
            "personal data and is held under consent terms that do not allow individual "
            "diaries to be shared."
        ),
        "holder": "elmr",
        "contact": "tomasz.nowak@elmr.example.org",
        "themes": ["migrants", "food", "digital-exclusion"],
        "geography": "London",
        "granularity": "individual",
        "time_span": "2024",
        "update_frequency": "one-off",
        "format": "spreadsheets and interview transcripts",
        "access_level": "personal",
        "licence": "Not licensed for reuse",
        "url": None,
        "keywords": [
            "asylum support",
            "budget diaries",
            "hotels",
            "travel costs",
            "mobile data",
        ],
        "families": [
            "asylum-support-rates",
            "travel-costs-appointments",
            "data-poverty",
        ],
    },
    {
        "title": "Living on a low income in Glasgow: longitudinal interviews",
        "description": (
            "Qualitative interviews with 62 low-income households in Glasgow, repeated every "
            "six to nine months since 2021, covering work, social security, debt, food, "
            "housing, children and mental health. Transcripts are pseudonymised but hold "
            "detailed personal accounts and cannot be shared outside the research team; "
            "thematic findings are published."
        ),
        "holder": "clydecentre",
        "contact": "morag.campbell@clydecentre.example.org",
        "themes": ["income-benefits", "mental-health", "work", "child-poverty"],
        "geography": "Glasgow City",
        "granularity": "household",
        "time_span": "2021-2026",
        "update_frequency": "annual",
        "format": "interview transcripts",
        "access_level": "personal",
        "licence": "Not licensed for reuse",
        "url": None,
        "keywords": [
            "qualitative",
            "longitudinal",
            "interviews",
            "universal credit",
            "lived experience",
        ],
        "families": [
            "poverty-mental-health",
            "in-work-poverty",
            "zero-hours-contracts",
            "two-child-limit",
            "uc-wait-foodbank",
            "childcare-costs-work",
        ],
    },
    {
        "title": "Lagan Money Advice client debt profiles",
        "description": (
            "Anonymised records for around 6,500 clients a year, listing each debt by type and "
            "creditor category (including rates, rent, energy, buy now pay later, catalogue "
            "debt and illegal lending where disclosed), income and spending, vulnerability "
            "flags and the debt solution reached. Covers Northern Ireland. Illegal lending is "
            "under-disclosed, and buy now pay later has only been recorded separately since "
            "2022."
        ),
        "holder": "lagan",
        "contact": "conor.doherty@lagan.example.org",
        "themes": ["debt", "energy", "mental-health"],
        "geography": "Northern Ireland",
        "granularity": "individual case",
        "time_span": "2017-2026",
        "update_frequency": "quarterly",
        "format": "database extract",
        "access_level": "on-request",
        "licence": "Data sharing agreement required",
        "url": None,
        "keywords": [
            "debt advice",
            "creditors",
            "buy now pay later",
            "illegal lending",
            "vulnerability",
        ],
        "families": [
            "buy-now-pay-later",
            "illegal-money-lending",
            "debt-advice-outcomes",
            "energy-debt-arrears",
            "poverty-mental-health",
            "private-rent-arrears",
        ],
    },
    {
        "title": "Pennine Learning Trust cost of the school day survey",
        "description": (
            "A 2025 survey of 3,400 pupils and 1,150 parents across the trust's 15 schools "
            "about spending on uniform, trips, clubs, revision materials and devices, and what "
            "pupils miss out on because of cost, with free school meals status. Parents with "
            "lower literacy and those not reached by the school app are likely to be "
            "under-represented."
        ),
        "holder": "pennine",
        "contact": "leanne.ogden@pennine.example.org",
        "themes": ["education", "child-poverty", "digital-exclusion"],
        "geography": "North West",
        "granularity": "individual",
        "time_span": "2025",
        "update_frequency": "one-off",
        "format": "CSV",
        "access_level": "on-request",
        "licence": "Shared on request, with attribution",
        "url": None,
        "keywords": [
            "cost of the school day",
            "uniform",
            "school trips",
            "devices",
            "pupil survey",
        ],
        "families": ["cost-of-school-day", "school-uniform-costs", "data-poverty"],
    },
    {
        "title": ("Pennine Learning Trust attendance and attainment by disadvantage"),
        "description": (
            "Pupil-level attendance, persistent absence and assessment results for the trust's "
            "schools, flagged by free school meals, pupil premium, special educational needs "
            "and whether the pupil lives in temporary accommodation. Contains personal data "
            "about children, so only aggregated school-level tables can be shared."
        ),
        "holder": "pennine",
        "contact": "james.whittaker@pennine.example.org",
        "themes": ["education", "child-poverty", "housing"],
        "geography": "North West",
        "granularity": "pupil",
        "time_span": "2019-2026",
        "update_frequency": "quarterly",
        "format": "database extract",
        "access_level": "restricted",
        "licence": "Not licensed for reuse",
        "url": None,
        "keywords": [
            "attendance",
            "attainment",
            "pupil premium",
            "persistent absence",
            "temporary accommodation",
        ],
        "families": [
            "attainment-gap",
            "temporary-accommodation",
            "cost-of-school-day",
        ],
    },
    {
        "title": "Mersey Estuary bus smartcard journeys",
        "description": (
            "Anonymised tap-on records from the combined authority's bus smartcards and "
            "contactless payments, aggregated by route, stop and hour, including concessionary "
            "passes. Shows how travel changed after route cuts and fare caps. Cash fares and "
            "some operators' own tickets are not captured."
        ),
        "holder": "merseyca",
        "contact": "joanne.byrne@merseyca.example.org",
        "themes": ["transport", "work"],
        "geography": "North West",
        "granularity": "bus stop and route",
        "time_span": "2019-2026",
        "update_frequency": "weekly",
        "format": "database extract",
        "access_level": "on-request",
        "licence": "Data sharing agreement required",
        "url": None,
        "keywords": [
            "buses",
            "smartcard",
            "patronage",
            "fare cap",
            "concessionary passes",
        ],
        "families": ["bus-service-cuts", "travel-costs-appointments"],
    },
    {
        "title": "Disabled People Together cost of living survey",
        "description": (
            "An annual survey of around 2,500 disabled people in England, designed and run by "
            "disabled people, recording the extra costs of impairment, energy use and "
            "rationing, going without essentials, experiences of PIP and other benefits, "
            "online claims, and debt. Recruited through disabled people's organisations and "
            "social media, so it is not a random sample."
        ),
        "holder": "dpt",
        "contact": "sam.oduya@dpt.example.org",
        "themes": ["disability", "energy", "income-benefits", "debt"],
        "geography": "England",
        "granularity": "individual",
        "time_span": "2022-2025",
        "update_frequency": "annual",
        "format": "XLSX and SPSS",
        "access_level": "on-request",
        "licence": "Shared on request, with attribution",
        "url": None,
        "keywords": [
            "disability",
            "extra costs",
            "cost of living",
            "pip",
            "energy rationing",
        ],
        "families": [
            "disability-extra-costs",
            "pip-assessments",
            "cold-homes-health",
            "online-only-claims",
            "prepayment-self-disconnection",
        ],
    },
    {
        "title": "Everyday Economy Institute household finances tracker",
        "description": (
            "A quarterly online survey of around 4,000 UK adults, weighted to be nationally "
            "representative, asking about income changes, arrears on rent, council tax and "
            "energy, use of credit including buy now pay later, contract type and hours, and "
            "cutting back on essentials such as broadband and food. Results and anonymised "
            "microdata are published openly. Online panels under-represent people without "
            "internet access and the most excluded households."
        ),
        "holder": "everyday",
        "contact": "hannah.levy@everyday.example.org",
        "themes": ["debt", "housing", "work", "digital-exclusion"],
        "geography": "UK-wide",
        "granularity": "individual",
        "time_span": "2022-2026",
        "update_frequency": "quarterly",
        "format": "CSV",
        "access_level": "open",
        "licence": "CC BY 4.0",
        "url": None,
        "keywords": [
            "household finances",
            "arrears",
            "buy now pay later",
            "survey",
            "broadband",
            "tracker",
        ],
        "families": [
            "buy-now-pay-later",
            "private-rent-arrears",
            "council-tax-arrears",
            "data-poverty",
            "in-work-poverty",
            "zero-hours-contracts",
        ],
    },
    {
        "title": "Household credit and borrowing survey 2024",
        "description": (
            "A 2024 survey of 5,200 UK adults, with a boosted sample of people on low incomes, "
            "on use of buy now pay later, overdrafts, payday and doorstep loans, borrowing "
            "from family and from unlicensed lenders, and missed payments. Deposited with the "
            "UK Data Service. Questions on illegal lending were self-completed to help "
            "disclosure but are still likely to undercount."
        ),
        "holder": "fenlanduni",
        "contact": "tom.ashby@fenlanduni.example.org",
        "themes": ["debt"],
        "geography": "UK-wide",
        "granularity": "individual",
        "time_span": "2024",
        "update_frequency": "one-off",
        "format": "SPSS and Stata",
        "access_level": "on-request",
        "licence": "UK Data Service End User Licence",
        "url": None,
        "keywords": [
            "credit",
            "buy now pay later",
            "illegal lending",
            "borrowing",
            "survey",
        ],
        "families": ["buy-now-pay-later", "illegal-money-lending"],
    },
    {
        "title": "Severn Vale Community Foundation grant monitoring returns",
        "description": (
            "End-of-grant monitoring returns from community groups funded by the foundation, "
            "covering food projects, warm spaces, crisis grants and advice, with numbers "
            "reached, activities, outcomes reported by grantees and venue postcodes. Outcomes "
            "are self-reported using different methods, so they cannot be compared directly "
            "across projects."
        ),
        "holder": "severncf",
        "contact": "anna.price@severncf.example.org",
        "themes": ["food", "energy", "income-benefits", "rural"],
        "geography": "South West",
        "granularity": "grant",
        "time_span": "2019-2026",
        "update_frequency": "annual",
        "format": "XLSX",
        "access_level": "on-request",
        "licence": "Shared on request, with attribution",
        "url": None,
        "keywords": [
            "grant monitoring",
            "community groups",
            "food projects",
            "warm spaces",
            "outcomes",
        ],
        "families": [
            "community-food-models",
            "warm-spaces",
            "local-welfare-assistance",
            "hidden-rural-poverty",
        ],
    },
]


PLEDGES = [
    {
        "dataset": "Tyne and Wear food bank referral records",
        "family": "uc-wait-foodbank",
        "by": "sarah.robson@tynefood.example.org",
        "conditions": (
            "Analysis only by an approved analyst under a data sharing agreement; outputs "
            "aggregated to local authority and month, with counts under ten suppressed."
        ),
        "status": "in-discussion",
    },
    {
        "dataset": "Valleys Advice Cymru anonymised case records",
        "family": "uc-deductions",
        "by": "gareth.pugh@valleysadvice.example.org",
        "conditions": (
            "Extract aggregated by issue code and local authority; a data sharing agreement is "
            "needed for anything more detailed."
        ),
        "status": "offered",
    },
    {
        "dataset": "Bradford council tax arrears and recovery records",
        "family": "council-tax-arrears",
        "by": "imran.akhtar@bradford.example.org",
        "conditions": (
            "Pseudonymised extract analysed in the council's secure environment under a data "
            "sharing agreement; results published at ward level only."
        ),
        "status": "shared",
    },
    {
        "dataset": "Warm Homes Alliance energy advice line records",
        "family": "prepayment-self-disconnection",
        "by": "ruth.okafor@warmhomes.example.org",
        "conditions": (
            "Anonymised call-level extract with postcode district only; the Alliance to see "
            "findings before publication."
        ),
        "status": "in-discussion",
    },
    {
        "dataset": "Northstar Homes rent account and tenancy records",
        "family": "social-housing-uc-arrears",
        "by": "marcus.reid@northstar.example.org",
        "conditions": (
            "Tenant-level data stays in-house; our analysts will run agreed queries and share "
            "aggregated results."
        ),
        "status": "offered",
    },
    {
        "dataset": "Pennine Learning Trust cost of the school day survey",
        "family": "cost-of-school-day",
        "by": "leanne.ogden@pennine.example.org",
        "conditions": ("Anonymised responses with school names removed, for non-commercial use."),
        "status": "shared",
    },
    {
        "dataset": "East London Migrant Rights Centre NRPF casework counts",
        "family": "nrpf",
        "by": "amina.yusuf@elmr.example.org",
        "conditions": ("Monthly aggregate counts only; no case details will be shared."),
        "status": "offered",
    },
    {
        "dataset": "Humber and Wolds linked population health dataset",
        "family": "cold-homes-health",
        "by": "priya.nair@humbericb.example.org",
        "conditions": (
            "Access only through the ICB's secure data environment for an approved project, "
            "subject to information governance sign-off."
        ),
        "status": "in-discussion",
    },
    {
        "dataset": "Kernow Rural Action outreach survey 2025",
        "family": "hidden-rural-poverty",
        "by": "jenna.trewin@kernow.example.org",
        "conditions": (
            "Anonymised responses, with parish removed where fewer than 20 households took "
            "part; credit Kernow Rural Action."
        ),
        "status": "shared",
    },
    {
        "dataset": "Lagan Money Advice client debt profiles",
        "family": "buy-now-pay-later",
        "by": "conor.doherty@lagan.example.org",
        "conditions": (
            "Quarterly aggregate counts only; paused while we move to a new case management system."
        ),
        "status": "withdrawn",
    },
    {
        "dataset": "Income-related benefits: estimates of take-up",
        "family": "pension-credit-take-up",
        "by": "neil.fraser@ukss.example.org",
        "conditions": (
            "Public statistics; our analysts will help partners apply the national rates to "
            "local caseload data."
        ),
        "status": "shared",
    },
    {
        "dataset": "Bradford free school meals eligibility checking records",
        "family": "fsm-auto-enrolment",
        "by": "kate.holmes@bradford.example.org",
        "conditions": (
            "Child-level results go only to the child's school under the existing agreement; "
            "partners receive school-level counts."
        ),
        "status": "shared",
    },
]


PARTNERSHIPS = [
    {
        "title": "The five-week wait and food bank demand in the North East",
        "family": "uc-wait-foodbank",
        "status": "active",
        "next_steps": (
            "Sign the data sharing agreement for referral records and agree the analysis plan "
            "by the end of January. First findings go to member food banks in the spring."
        ),
        "members": [
            {"email": "sarah.robson@tynefood.example.org", "role": "asker"},
            {"email": "neil.fraser@ukss.example.org", "role": "data-holder"},
            {"email": "aamir.hussain@clydecentre.example.org", "role": "analyst"},
            {"email": "olivia.grant@hartwell.example.org", "role": "funder"},
        ],
    },
    {
        "title": "Automatic free school meals enrolment in Bradford and Oldham",
        "family": "fsm-auto-enrolment",
        "status": "active",
        "next_steps": (
            "Compare registrations before and after auto-enrolment for the autumn census and "
            "estimate the pupil premium gained. Share a how-to note with other councils."
        ),
        "members": [
            {"email": "james.whittaker@pennine.example.org", "role": "asker"},
            {"email": "kate.holmes@bradford.example.org", "role": "data-holder"},
            {"email": "grace.okonkwo@fenlanduni.example.org", "role": "analyst"},
            {"email": "olivia.grant@hartwell.example.org", "role": "funder"},
        ],
    },
    {
        "title": "Finding unclaimed Pension Credit in rural Cornwall",
        "family": "pension-credit-take-up",
        "status": "forming",
        "next_steps": (
            "Agree which local caseload figures can be combined with the national take-up "
            "rates. Look for a funder for a winter door-knocking pilot."
        ),
        "members": [
            {"email": "jenna.trewin@kernow.example.org", "role": "asker"},
            {"email": "neil.fraser@ukss.example.org", "role": "data-holder"},
            {"email": "ruth.okafor@warmhomes.example.org", "role": "data-holder"},
            {"email": "hannah.levy@everyday.example.org", "role": "analyst"},
        ],
    },
]


WORKSHOPS = [
    {
        "title": ("Cost of living evidence priorities: northern England and Wales"),
        "facilitator": "fiona.mcleod@clydecentre.example.org",
        "date": "2026-09-23",
        "description": (
            "A half-day online session for members in northern England and Wales to choose "
            "which shared questions to take forward into analysis partnerships this winter. "
            "Each participant scored six question groups on three criteria from 1 (low) to 5 "
            "(high)."
        ),
        "criteria": [
            "value of the action",
            "gap in current understanding",
            "feasibility",
        ],
        "families": [
            "uc-wait-foodbank",
            "prepayment-self-disconnection",
            "council-tax-arrears",
            "private-rent-arrears",
            "temporary-accommodation",
            "benefit-take-up",
        ],
        "participants": [
            "sarah.robson@tynefood.example.org",
            "rhian.morgan@valleysadvice.example.org",
            "imran.akhtar@bradford.example.org",
            "ben.taylor@warmhomes.example.org",
            "helen.whitfield@northstar.example.org",
            "kwame.asante@merseyca.example.org",
            "neil.fraser@ukss.example.org",
        ],
        "scores": [
            {
                "participant": "sarah.robson@tynefood.example.org",
                "family": "uc-wait-foodbank",
                "criterion": "value of the action",
                "score": 5,
            },
            {
                "participant": "sarah.robson@tynefood.example.org",
                "family": "uc-wait-foodbank",
                "criterion": "gap in current understanding",
                "score": 4,
            },
            {
                "participant": "sarah.robson@tynefood.example.org",
                "family": "uc-wait-foodbank",
                "criterion": "feasibility",
                "score": 4,
            },
            {
                "participant": "sarah.robson@tynefood.example.org",
                "family": "prepayment-self-disconnection",
                "criterion": "value of the action",
                "score": 5,
            },
            {
                "participant": "sarah.robson@tynefood.example.org",
                "family": "prepayment-self-disconnection",
                "criterion": "gap in current understanding",
                "score": 4,
            },
            {
                "participant": "sarah.robson@tynefood.example.org",
                "family": "prepayment-self-disconnection",
                "criterion": "feasibility",
                "score": 3,
            },
            {
                "participant": "sarah.robson@tynefood.example.org",
                "family": "council-tax-arrears",
                "criterion": "value of the action",
                "score": 4,
            },
            {
                "participant": "sarah.robson@tynefood.example.org",
                "family": "council-tax-arrears",
                "criterion": "gap in current understanding",
                "score": 4,
            },
            {
                "participant": "sarah.robson@tynefood.example.org",
                "family": "council-tax-arrears",
                "criterion": "feasibility",
                "score": 4,
            },
            {
                "participant": "sarah.robson@tynefood.example.org",
                "family": "private-rent-arrears",
                "criterion": "value of the action",
                "score": 3,
            },
            {
                "participant": "sarah.robson@tynefood.example.org",
                "family": "private-rent-arrears",
                "criterion": "gap in current understanding",
                "score": 3,
            },
            {
                "participant": "sarah.robson@tynefood.example.org",
                "family": "private-rent-arrears",
                "criterion": "feasibility",
                "score": 3,
            },
            {
                "participant": "sarah.robson@tynefood.example.org",
                "family": "temporary-accommodation",
                "criterion": "value of the action",
                "score": 3,
            },
            {
                "participant": "sarah.robson@tynefood.example.org",
                "family": "temporary-accommodation",
                "criterion": "gap in current understanding",
                "score": 3,
            },
            {
                "participant": "sarah.robson@tynefood.example.org",
                "family": "temporary-accommodation",
                "criterion": "feasibility",
                "score": 2,
            },
            {
                "participant": "sarah.robson@tynefood.example.org",
                "family": "benefit-take-up",
                "criterion": "value of the action",
                "score": 4,
            },
            {
                "participant": "sarah.robson@tynefood.example.org",
                "family": "benefit-take-up",
                "criterion": "gap in current understanding",
                "score": 2,
            },
            {
                "participant": "sarah.robson@tynefood.example.org",
                "family": "benefit-take-up",
                "criterion": "feasibility",
                "score": 4,
            },
            {
                "participant": "rhian.morgan@valleysadvice.example.org",
                "family": "uc-wait-foodbank",
                "criterion": "value of the action",
                "score": 4,
            },
            {
                "participant": "rhian.morgan@valleysadvice.example.org",
                "family": "uc-wait-foodbank",
                "criterion": "gap in current understanding",
                "score": 3,
            },
            {
                "participant": "rhian.morgan@valleysadvice.example.org",
                "family": "uc-wait-foodbank",
                "criterion": "feasibility",
                "score": 4,
            },
            {
                "participant": "rhian.morgan@valleysadvice.example.org",
                "family": "prepayment-self-disconnection",
                "criterion": "value of the action",
                "score": 4,
            },
            {
                "participant": "rhian.morgan@valleysadvice.example.org",
                "family": "prepayment-self-disconnection",
                "criterion": "gap in current understanding",
                "score": 4,
            },
            {
                "participant": "rhian.morgan@valleysadvice.example.org",
                "family": "prepayment-self-disconnection",
                "criterion": "feasibility",
                "score": 3,
            },
            {
                "participant": "rhian.morgan@valleysadvice.example.org",
                "family": "council-tax-arrears",
                "criterion": "value of the action",
                "score": 5,
            },
            {
                "participant": "rhian.morgan@valleysadvice.example.org",
                "family": "council-tax-arrears",
                "criterion": "gap in current understanding",
                "score": 4,
            },
            {
                "participant": "rhian.morgan@valleysadvice.example.org",
                "family": "council-tax-arrears",
                "criterion": "feasibility",
                "score": 5,
            },
            {
                "participant": "rhian.morgan@valleysadvice.example.org",
                "family": "private-rent-arrears",
                "criterion": "value of the action",
                "score": 5,
            },
            {
                "participant": "rhian.morgan@valleysadvice.example.org",
                "family": "private-rent-arrears",
                "criterion": "gap in current understanding",
                "score": 3,
            },
            {
                "participant": "rhian.morgan@valleysadvice.example.org",
                "family": "private-rent-arrears",
                "criterion": "feasibility",
                "score": 3,
            },
            {
                "participant": "rhian.morgan@valleysadvice.example.org",
                "family": "temporary-accommodation",
                "criterion": "value of the action",
                "score": 3,
            },
            {
                "participant": "rhian.morgan@valleysadvice.example.org",
                "family": "temporary-accommodation",
                "criterion": "gap in current understanding",
                "score": 3,
            },
            {
                "participant": "rhian.morgan@valleysadvice.example.org",
                "family": "temporary-accommodation",
                "criterion": "feasibility",
                "score": 2,
            },
            {
                "participant": "rhian.morgan@valleysadvice.example.org",
                "family": "benefit-take-up",
                "criterion": "value of the action",
                "score": 4,
            },
            {
                "participant": "rhian.morgan@valleysadvice.example.org",
                "family": "benefit-take-up",
                "criterion": "gap in current understanding",
                "score": 3,
            },
            {
                "participant": "rhian.morgan@valleysadvice.example.org",
                "family": "benefit-take-up",
                "criterion": "feasibility",
                "score": 4,
            },
            {
                "participant": "imran.akhtar@bradford.example.org",
                "family": "uc-wait-foodbank",
                "criterion": "value of the action",
                "score": 4,
            },
            {
                "participant": "imran.akhtar@bradford.example.org",
                "family": "uc-wait-foodbank",
                "criterion": "gap in current understanding",
                "score": 4,
            },
            {
                "participant": "imran.akhtar@bradford.example.org",
                "family": "uc-wait-foodbank",
                "criterion": "feasibility",
                "score": 4,
            },
            {
                "participant": "imran.akhtar@bradford.example.org",
                "family": "prepayment-self-disconnection",
                "criterion": "value of the action",
                "score": 3,
            },
            {
                "participant": "imran.akhtar@bradford.example.org",
                "family": "prepayment-self-disconnection",
                "criterion": "gap in current understanding",
                "score": 4,
            },
            {
                "participant": "imran.akhtar@bradford.example.org",
                "family": "prepayment-self-disconnection",
                "criterion": "feasibility",
                "score": 3,
            },
            {
                "participant": "imran.akhtar@bradford.example.org",
                "family": "council-tax-arrears",
                "criterion": "value of the action",
                "score": 5,
            },
            {
                "participant": "imran.akhtar@bradford.example.org",
                "family": "council-tax-arrears",
                "criterion": "gap in current understanding",
                "score": 3,
            },
            {
                "participant": "imran.akhtar@bradford.example.org",
                "family": "council-tax-arrears",
                "criterion": "feasibility",
                "score": 5,
            },
            {
                "participant": "imran.akhtar@bradford.example.org",
                "family": "private-rent-arrears",
                "criterion": "value of the action",
                "score": 4,
            },
            {
                "participant": "imran.akhtar@bradford.example.org",
                "family": "private-rent-arrears",
                "criterion": "gap in current understanding",
                "score": 3,
            },
            {
                "participant": "imran.akhtar@bradford.example.org",
                "family": "private-rent-arrears",
                "criterion": "feasibility",
                "score": 3,
            },
            {
                "participant": "imran.akhtar@bradford.example.org",
                "family": "temporary-accommodation",
                "criterion": "value of the action",
                "score": 4,
            },
            {
                "participant": "imran.akhtar@bradford.example.org",
                "family": "temporary-accommodation",
                "criterion": "gap in current understanding",
                "score": 3,
            },
            {
                "participant": "imran.akhtar@bradford.example.org",
                "family": "temporary-accommodation",
                "criterion": "feasibility",
                "score": 3,
            },
            {
                "participant": "imran.akhtar@bradford.example.org",
                "family": "benefit-take-up",
                "criterion": "value of the action",
                "score": 4,
            },
            {
                "participant": "imran.akhtar@bradford.example.org",
                "family": "benefit-take-up",
                "criterion": "gap in current understanding",
                "score": 2,
            },
            {
                "participant": "imran.akhtar@bradford.example.org",
                "family": "benefit-take-up",
                "criterion": "feasibility",
                "score": 5,
            },
            {
                "participant": "ben.taylor@warmhomes.example.org",
                "family": "uc-wait-foodbank",
                "criterion": "value of the action",
                "score": 4,
            },
            {
                "participant": "ben.taylor@warmhomes.example.org",
                "family": "uc-wait-foodbank",
                "criterion": "gap in current understanding",
                "score": 3,
            },
            {
                "participant": "ben.taylor@warmhomes.example.org",
                "family": "uc-wait-foodbank",
                "criterion": "feasibility",
                "score": 3,
            },
            {
                "participant": "ben.taylor@warmhomes.example.org",
                "family": "prepayment-self-disconnection",
                "criterion": "value of the action",
                "score": 5,
            },
            {
                "participant": "ben.taylor@warmhomes.example.org",
                "family": "prepayment-self-disconnection",
                "criterion": "gap in current understanding",
                "score": 5,
            },
            {
                "participant": "ben.taylor@warmhomes.example.org",
                "family": "prepayment-self-disconnection",
                "criterion": "feasibility",
                "score": 4,
            },
            {
                "participant": "ben.taylor@warmhomes.example.org",
                "family": "council-tax-arrears",
                "criterion": "value of the action",
                "score": 4,
            },
            {
                "participant": "ben.taylor@warmhomes.example.org",
                "family": "council-tax-arrears",
                "criterion": "gap in current understanding",
                "score": 4,
            },
            {
                "participant": "ben.taylor@warmhomes.example.org",
                "family": "council-tax-arrears",
                "criterion": "feasibility",
                "score": 3,
            },
            {
                "participant": "ben.taylor@warmhomes.example.org",
                "family": "private-rent-arrears",
                "criterion": "value of the action",
                "score": 3,
            },
            {
                "participant": "ben.taylor@warmhomes.example.org",
                "family": "private-rent-arrears",
                "criterion": "gap in current understanding",
                "score": 3,
            },
            {
                "participant": "ben.taylor@warmhomes.example.org",
                "family": "private-rent-arrears",
                "criterion": "feasibility",
                "score": 2,
            },
            {
                "participant": "ben.taylor@warmhomes.example.org",
                "family": "temporary-accommodation",
                "criterion": "value of the action",
                "score": 3,
            },
            {
                "participant": "ben.taylor@warmhomes.example.org",
                "family": "temporary-accommodation",
                "criterion": "gap in current understanding",
                "score": 2,
            },
            {
                "participant": "ben.taylor@warmhomes.example.org",
                "family": "temporary-accommodation",
                "criterion": "feasibility",
                "score": 2,
            },
            {
                "participant": "ben.taylor@warmhomes.example.org",
                "family": "benefit-take-up",
                "criterion": "value of the action",
                "score": 3,
            },
            {
                "participant": "ben.taylor@warmhomes.example.org",
                "family": "benefit-take-up",
                "criterion": "gap in current understanding",
                "score": 2,
            },
            {
                "participant": "ben.taylor@warmhomes.example.org",
                "family": "benefit-take-up",
                "criterion": "feasibility",
                "score": 4,
            },
            {
                "participant": "helen.whitfield@northstar.example.org",
                "family": "uc-wait-foodbank",
                "criterion": "value of the action",
                "score": 4,
            },
            {
                "participant": "helen.whitfield@northstar.example.org",
                "family": "uc-wait-foodbank",
                "criterion": "gap in current understanding",
                "score": 4,
            },
            {
                "participant": "helen.whitfield@northstar.example.org",
                "family": "uc-wait-foodbank",
                "criterion": "feasibility",
                "score": 3,
            },
            {
                "participant": "helen.whitfield@northstar.example.org",
                "family": "prepayment-self-disconnection",
                "criterion": "value of the action",
                "score": 4,
            },
            {
                "participant": "helen.whitfield@northstar.example.org",
                "family": "prepayment-self-disconnection",
                "criterion": "gap in current understanding",
                "score": 4,
            },
            {
                "participant": "helen.whitfield@northstar.example.org",
                "family": "prepayment-self-disconnection",
                "criterion": "feasibility",
                "score": 4,
            },
            {
                "participant": "helen.whitfield@northstar.example.org",
                "family": "council-tax-arrears",
                "criterion": "value of the action",
                "score": 4,
            },
            {
                "participant": "helen.whitfield@northstar.example.org",
                "family": "council-tax-arrears",
                "criterion": "gap in current understanding",
                "score": 4,
            },
            {
                "participant": "helen.whitfield@northstar.example.org",
                "family": "council-tax-arrears",
                "criterion": "feasibility",
                "score": 4,
            },
            {
                "participant": "helen.whitfield@northstar.example.org",
                "family": "private-rent-arrears",
                "criterion": "value of the action",
                "score": 4,
            },
            {
                "participant": "helen.whitfield@northstar.example.org",
                "family": "private-rent-arrears",
                "criterion": "gap in current understanding",
                "score": 3,
            },
            {
                "participant": "helen.whitfield@northstar.example.org",
                "family": "private-rent-arrears",
                "criterion": "feasibility",
                "score": 2,
            },
            {
                "participant": "helen.whitfield@northstar.example.org",
                "family": "temporary-accommodation",
                "criterion": "value of the action",
                "score": 4,
            },
            {
                "participant": "helen.whitfield@northstar.example.org",
                "family": "temporary-accommodation",
                "criterion": "gap in current understanding",
                "score": 3,
            },
            {
                "participant": "helen.whitfield@northstar.example.org",
                "family": "temporary-accommodation",
                "criterion": "feasibility",
                "score": 2,
            },
            {
                "participant": "helen.whitfield@northstar.example.org",
                "family": "benefit-take-up",
                "criterion": "value of the action",
                "score": 3,
            },
            {
                "participant": "helen.whitfield@northstar.example.org",
                "family": "benefit-take-up",
                "criterion": "gap in current understanding",
                "score": 2,
            },
            {
                "participant": "helen.whitfield@northstar.example.org",
                "family": "benefit-take-up",
                "criterion": "feasibility",
                "score": 4,
            },
        ],
        "outcome": (
            "Members prioritised council tax arrears and enforcement, prepayment meter "
            "self-disconnection and the five-week wait for Universal Credit, each of which "
            "scored highly on value and has a data holder ready to help. Private rent arrears "
            "and temporary accommodation were held over to the spring session because the "
            "local data needed is not yet available."
        ),
        "status": "completed",
    },
    {
        "title": "Rural and coastal poverty: setting the evidence agenda",
        "facilitator": "mark.ellery@severncf.example.org",
        "date": "2026-12-09",
        "description": (
            "An in-person session in Truro for members working on rural and coastal poverty, "
            "to agree which hidden-need questions to tackle first and who holds data that "
            "could help."
        ),
        "criteria": [
            "value of the action",
            "gap in current understanding",
            "feasibility",
        ],
        "families": [
            "hidden-rural-poverty",
            "rural-transport",
            "off-gas-grid-heating",
            "coastal-seasonal-work",
            "pension-credit-take-up",
        ],
        "participants": [
            "jenna.trewin@kernow.example.org",
            "pete.hocking@kernow.example.org",
            "aamir.hussain@clydecentre.example.org",
            "anna.price@severncf.example.org",
            "steve.marshall@humbericb.example.org",
            "olivia.grant@hartwell.example.org",
        ],
        "scores": [],
        "outcome": "",
        "status": "planned",
    },
]
