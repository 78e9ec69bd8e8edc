# ruff: noqa: RUF001 - curly quotes are the text under test
"""Generality: the pipeline scored on fixture folders of articles nobody tuned a rule to.

Each folder under tests/pipeline/fixtures holds article texts with hand gold in the dev set's
format, written before any rule was tuned to them:

- unseen: other crises (Sahel coup, Balkan election, sea standoff, trade dispute);
- unseen2: the Venezuela crisis in the styles of Reuters, Al Jazeera, teleSUR and the BBC;
- unseen3: a long read on the migrant exodus, AP copy on the Lima Group, a translated EFE piece;
- generality: 24 articles across wire copy, press releases, broadcaster web copy, long reads and
  machine translations, mostly on crises other than Venezuela;
- unseen4: eight more in those styles on other crises (Sahel junta, Libya talks, Malawi
  election, Mizoram refugees, Iran sanctions, M23, Mauritania observers, Ethiopia debt);
- unseen5: eight more (Colombia talks, a Kuwaiti release on Sudan, Malawi emergency, Benue
  floods, a Peruvian ruling in translation, Fiji election, an ILO code, a palm-oil dispute);
- unseen6: eight more (a Georgian arrest, a Security Council summary on Sudan, a Kyrgyz mine
  protest, a Rohingya camp, a Guinean trial in translation, a Latvian vote, China-Japan
  talks, Lake Kariba);
- unseen7, unseen8: sixteen more, written blind and scored before any rule of the session that
  added them (Niger truce, Somalia famine release, Nigerian fuel protests, Nile dam, a translated
  Japan-Korea dispute, Asunción election, Gulf talks, EU tanker sanctions; Haiti gangs, an
  Ivorian trial release, Myanmar offensive, Chad refugees, Polish veto, Iran and the IAEA,
  ELN amnesty, Second Thomas Shoal);
- unseen9, unseen10: eight more each, held out until the rules of the sets before them were in
  (prisoner swap, Cabo Delgado, Ecuador prisons, an Itamaraty release, Pakistan's election,
  the Sahel states, Armenia-Azerbaijan in translation, Zambia's debt; Ethiopia-Eritrea, a
  Malawi release, Georgia's protests, Sri Lanka's fishermen, Bolivian lithium in translation,
  Myanmar refugees in Thailand, OPEC+, an ICJ ruling);
- unseen11, unseen12: eight more each, written blind and held out until this session's rules
  from its own probe sentences were in (a Caracas primary, a sanctions statement, a Lima
  Group communiqué in translation, Cúcuta, Venezuelan oil, Nicaragua, the OAS, an Itamaraty
  note; a prisoner swap, a cholera release, Gaza talks, the South China Sea, a Burkina trial
  in translation, Nepal, EU sanctions on Iran, a Jeddah truce);
- unseen13, unseen14: eight more each, held out the same way (the Venezuela crisis as an EFE
  piece, a communiqué, an explainer, a briefing transcript, a live blog, migrants, the Lima
  Group, the Mexico City talks; M23, a Security Council summary on Haiti, Niger's junta,
  Myanmar's resistance, Istanbul talks in translation, Kenyan protests, a think-tank
  release, a Sudan explainer);
- unseen15, unseen16: eight more each, held out until the rules of unseen11 to unseen14 were
  in (state media, a factbox, an interview, an op-ed, an NGO release, Bolivia 2019, Peru's
  vacancy vote, ELN talks; Red Sea shipping, a TV interview transcript, a North Korean launch,
  a European Parliament debate, an ICC ruling, Syria's Kurds, Mali in translation, Somaliland);
- unseen17, unseen18: eight more each, held out until the rules of unseen11 to unseen16 were
  in (the Venezuela crisis seen from Washington, Montevideo, Ottawa, Bogotá, Moscow, Caracas,
  a think tank and Roraima; Mozambique, Aceh, the oil price cap, New Caledonia, Hong Kong,
  Armenia-Azerbaijan, Mykolaiv, al-Shabaab);
- unseen19 to unseen22: eight more each, written in a later session and held out until its
  first rules were in (Venezuela and Latin America 2016-2022; Sudan, Tigray, Libya, Yemen,
  Lebanon, Chad, Gabon, Western Sahara; Georgia, Serbia-Kosovo, Bangladesh, Sri Lanka,
  Thailand, the Philippines, Pakistan, Belarusian exiles; WHO, UNICEF and IMF releases, a
  ministry readout, a White House readout, EU Council conclusions, an earthquake live blog,
  a Comoros election feature);
- unseen23 to unseen26: eight more each, held out until the rules drawn from unseen19 to
  unseen22 were in (wire and broadcaster copy on a Guinea-Bissau coup, Doha talks, Murcia
  floods, a Kyrgyz bank, Gagauzia, Chad, Nepal, the Senkakus; Latin America 2016-2023;
  Security Council, OSCE, AU, ASEAN, MOFA, NGO, ICRC and European Parliament copy; long
  reads on the Sahel, Rohingya camps, Venezuela, a Cambodian exile, the Caucasus, Haiti,
  Libya and Tonga);
- unseen27 to unseen30: eight more each, written blind in a later session and scored at its
  start and again before any rule was drawn from them (wire copy on Sudan, Congo-Rwanda,
  Bolivia, Kinmen, Kurdistan oil, Mozambique, Niger and Transnistria; the Venezuela crisis and
  the Lima Group in eight outlet styles; UNHCR, OCHA, ECOWAS, SADC, CARICOM, OAS, a Kyrgyz
  ministry and the IAEA; long reads and translations on Somalia, Ethiopia-Eritrea, Vietnam,
  Indonesia, Hungary, a prisoner exchange, Oman's mediation and an Angolan strike);
- unseen31 to unseen34: eight more each, written blind later in that session and held out
  until its rules from unseen27 to unseen30 were in (Latin American wire copy; broadcaster
  copy on Africa and the Middle East; official copy and transcripts on Asia and Europe;
  machine translations from five languages and a long read). unseen33 is left out of the
  given-speaker bar below: 0.91 of its given speakers are right (README, open items).
- unseen35 to unseen38: eight more each, written blind in a fifth session and scored at its
  start (wire copy on Venezuela, Honduras, Ethiopia-Eritrea, Gambia, southern Thailand,
  Montenegro and Vanuatu; broadcaster copy; UN, ministry and parliament statements and
  transcripts; long reads and translations from five languages);
- unseen39 to unseen42: eight more each, held out until that session's rules from unseen35 to
  unseen38 were in (wire copy from eight agencies; NGO, ICRC, EU, AU, State Department, OAS,
  UNICEF and electoral releases; live blogs, podcasts and radio transcripts; translations from
  eight languages). unseen35 is left out of the given-speaker bar: 0.92 of its given speakers
  are right (README, open items).
- unseen43 to unseen46: eight more each, held out until that session's rules from unseen35 to
  unseen42 were in (the Venezuela crisis and the Lima Group from eight outlets; government and
  international-organisation releases and a briefing transcript; broadcaster and magazine copy;
  translations from Spanish, French, Arabic, Russian and Portuguese). Of these, only unseen45
  meets the given-speaker bar: 0.91, 0.91 and 0.86 of the given speakers of unseen43, unseen44
  and unseen46 are right (README, open items).
- unseen47 to unseen50: eight more each, written blind in a sixth session and held out until
  its rules from the older folders were in (wire copy from eight agencies; UN, ministry, court,
  electoral and parliamentary texts; broadcaster copy with captions, a live blog and an
  interview; long reads and translations from Spanish, French, Arabic, Turkish and Ukrainian).
- unseen51 to unseen54: eight more each, written blind later in that session and held out
  until its rules from unseen47 to unseen50 were in (wire copy from eight more agencies;
  Security Council, noon briefing, State Department, AU, ICRC, European Parliament and OAS
  texts; broadcaster copy with heavy debris; translations from six languages and long reads).
  unseen53 is left out of the given-speaker bar: 0.92 of its given speakers are right, one of
  the wrong ones being "Spain's Ministry of Agriculture", the right body under a surface form
  its gold writes without the country's possessive (README, open items).
- unseen55, unseen56: eight more each, written blind at the end of that session and held out
  after all its rules (no rule was drawn from them): a mix of wire, official, broadcaster,
  long-read, briefing and translated copy. Their floors are their held-out scores, a little
  under.
- unseen57 to unseen60: eight more each, written blind in a seventh session and held out
  after its first rules, drawn from older folders (wire copy from eight agencies; ministry,
  UN, electoral, court, committee, embassy, NGO and ECOWAS texts; broadcaster copy with heavy
  debris, a live blog and a radio transcript; translations from French, Russian, Turkish and
  Indonesian, and long reads). unseen60 is left out of the given-speaker bar: 0.90 of its
  given speakers are right (README, open items).
- unseen61 to unseen64: eight more each, written blind at the start of an eighth session and
  held out until its rules (wire copy from eight agencies; UN, State Department, UNHCR, WFP,
  ministry, EU, presidency and AU texts; broadcaster copy with heavy debris, a live page and an
  interview; translations from seven languages and long reads).
- unseen65, unseen66: eight more each, written blind during that session and held out until
  its last five rule commits, which were drawn from them (a news feed on Venezuela and Latin
  America: wire copy and official texts; a news feed on crises worldwide: broadcaster copy and
  translations from four languages).

FLOORS maps (folder, category) to the lowest score the category may fall to: the F1 of any
category ``Report.categories()`` names, or "speakers" for speaker accuracy on matched quotes.
Stance, role and figure floors are F1; the precision floors below hold them to precision
first, and figures also have a recall floor and their own calibration test.
A new category (stances, roles) or folder is one more row. Old folders keep the floors of the
modules this one replaces (test_unseen, test_unseen2, test_unseen3); the generality floors sit
a little under its first (baseline) score and are raised as the pipeline improves.

Below the floors, the special checks of those modules: wire staff, bylines and photo credits are
never actors, and small texts for one construction each (credits, datelines, speakers, bodies).
"""

import json
from collections import Counter
from pathlib import Path

import pytest

from kb.pipeline import extract
from kb.pipeline.clean import clean
from kb.pipeline.evaluate import Report, score_folder
from kb.pipeline.jsonout import to_json

FIXTURES = Path(__file__).with_name("fixtures")

FLOORS: dict[tuple[str, str], float] = {
    ("unseen", "people"): 0.88,
    ("unseen", "organizations"): 0.78,
    ("unseen", "countries"): 0.92,
    ("unseen", "quotes"): 0.85,
    ("unseen", "speakers"): 0.85,
    ("unseen2", "people"): 0.92,
    ("unseen2", "organizations"): 0.80,
    ("unseen2", "countries"): 0.95,
    ("unseen2", "quotes"): 0.88,
    ("unseen2", "speakers"): 0.88,
    ("unseen3", "people"): 0.92,
    ("unseen3", "organizations"): 0.80,
    ("unseen3", "countries"): 0.95,
    ("unseen3", "quotes"): 0.88,
    ("unseen3", "speakers"): 0.88,
    # unseen4: eight articles written with gold before any scoring; held out, then read
    # for failure classes (HELDOUT.table there). Floors a little under today's scores.
    ("unseen4", "people"): 0.95,
    ("unseen4", "organizations"): 0.79,
    ("unseen4", "countries"): 0.95,
    ("unseen4", "quotes"): 0.94,
    ("unseen4", "speakers"): 0.83,
    ("unseen4", "roles"): 0.65,
    ("unseen4", "figures"): 0.88,
    # unseen5: eight more, held out until the end of the same session (HELDOUT.table).
    ("unseen5", "people"): 0.95,
    ("unseen5", "organizations"): 0.84,
    ("unseen5", "countries"): 0.95,
    ("unseen5", "quotes"): 0.96,
    ("unseen5", "speakers"): 0.90,
    ("unseen5", "roles"): 0.64,
    ("unseen5", "figures"): 0.91,
    # unseen6: eight more, held out until after every rule of that session.
    ("unseen6", "people"): 0.90,
    ("unseen6", "organizations"): 0.87,
    ("unseen6", "countries"): 0.94,
    ("unseen6", "quotes"): 0.90,
    ("unseen6", "speakers"): 0.92,
    ("unseen6", "roles"): 0.77,
    ("unseen6", "figures"): 0.91,
    # unseen7 to unseen10: a little under this session's scores, after fixing what each
    # showed (README: before, rescored, held out and now, and each folder's tables).
    ("unseen7", "people"): 0.88,
    ("unseen7", "organizations"): 0.88,
    ("unseen7", "countries"): 0.92,
    ("unseen7", "quotes"): 0.96,
    ("unseen7", "speakers"): 0.92,
    ("unseen7", "roles"): 0.74,
    ("unseen7", "figures"): 0.92,
    ("unseen8", "people"): 0.95,
    ("unseen8", "organizations"): 0.85,
    ("unseen8", "countries"): 0.92,
    ("unseen8", "quotes"): 0.96,
    ("unseen8", "speakers"): 0.90,
    ("unseen8", "roles"): 0.68,
    ("unseen8", "figures"): 0.92,
    ("unseen9", "people"): 0.92,
    ("unseen9", "organizations"): 0.86,
    ("unseen9", "countries"): 0.95,
    ("unseen9", "quotes"): 0.97,
    ("unseen9", "speakers"): 0.87,
    ("unseen9", "roles"): 0.82,
    ("unseen9", "figures"): 0.91,
    ("unseen10", "people"): 0.91,
    ("unseen10", "organizations"): 0.82,
    ("unseen10", "countries"): 0.91,
    ("unseen10", "quotes"): 0.96,
    ("unseen10", "speakers"): 0.89,
    ("unseen10", "roles"): 0.82,
    ("unseen10", "figures"): 0.94,
    # unseen11, unseen12: written blind this session, scored before its first rule and held
    # out after its probe-sentence rules (BEFORE.table, HELDOUT.table in each).
    ("unseen11", "people"): 0.93,
    ("unseen11", "organizations"): 0.83,
    ("unseen11", "countries"): 0.92,
    ("unseen11", "quotes"): 0.96,
    ("unseen11", "speakers"): 0.95,
    ("unseen11", "roles"): 0.82,
    ("unseen11", "figures"): 0.90,
    ("unseen12", "people"): 0.94,
    ("unseen12", "organizations"): 0.83,
    ("unseen12", "countries"): 0.91,
    ("unseen12", "quotes"): 0.95,
    ("unseen12", "speakers"): 0.89,
    ("unseen12", "roles"): 0.72,
    ("unseen12", "figures"): 0.94,
    # unseen13, unseen14: the same, held out until after the rules unseen11 and unseen12
    # taught (unseen13 also after unseen14's first rule; HELDOUT.table in each).
    ("unseen13", "people"): 0.90,
    ("unseen13", "organizations"): 0.85,
    ("unseen13", "countries"): 0.95,
    ("unseen13", "quotes"): 0.96,
    ("unseen13", "speakers"): 0.84,
    ("unseen13", "roles"): 0.64,
    ("unseen13", "figures"): 0.94,
    ("unseen14", "people"): 0.91,
    ("unseen14", "organizations"): 0.77,
    ("unseen14", "countries"): 0.90,
    ("unseen14", "quotes"): 0.96,
    ("unseen14", "speakers"): 0.95,
    ("unseen14", "roles"): 0.74,
    ("unseen14", "figures"): 0.94,
    # unseen15, unseen16: held out until after the rules unseen11 to unseen14 taught.
    ("unseen15", "people"): 0.91,
    ("unseen15", "organizations"): 0.89,
    ("unseen15", "countries"): 0.90,
    ("unseen15", "quotes"): 0.96,
    ("unseen15", "speakers"): 0.82,
    ("unseen15", "roles"): 0.66,
    ("unseen15", "figures"): 0.94,
    ("unseen16", "people"): 0.93,
    ("unseen16", "organizations"): 0.77,
    ("unseen16", "countries"): 0.94,
    ("unseen16", "quotes"): 0.96,
    ("unseen16", "speakers"): 0.88,
    ("unseen16", "roles"): 0.75,
    ("unseen16", "figures"): 0.94,
    # unseen17, unseen18: held out until after the rules unseen11 to unseen16 taught.
    ("unseen17", "people"): 0.94,
    ("unseen17", "organizations"): 0.80,
    ("unseen17", "countries"): 0.96,
    ("unseen17", "quotes"): 0.92,
    ("unseen17", "speakers"): 0.77,
    ("unseen17", "roles"): 0.74,
    ("unseen17", "figures"): 0.87,
    ("unseen18", "people"): 0.94,
    ("unseen18", "organizations"): 0.78,
    ("unseen18", "countries"): 0.97,
    ("unseen18", "quotes"): 0.97,
    ("unseen18", "speakers"): 0.84,
    ("unseen18", "roles"): 0.67,
    ("unseen18", "figures"): 0.91,
    # unseen19 to unseen22: held out until the first rules of the session that added them.
    ("unseen19", "people"): 0.86,
    ("unseen19", "organizations"): 0.67,
    ("unseen19", "countries"): 0.97,
    ("unseen19", "quotes"): 0.97,
    ("unseen19", "speakers"): 0.78,
    ("unseen19", "roles"): 0.78,
    ("unseen19", "figures"): 0.88,
    ("unseen20", "people"): 0.94,
    ("unseen20", "organizations"): 0.84,
    ("unseen20", "countries"): 0.94,
    ("unseen20", "quotes"): 0.96,
    ("unseen20", "speakers"): 0.88,
    ("unseen20", "roles"): 0.82,
    ("unseen20", "figures"): 0.90,
    ("unseen21", "people"): 0.79,
    ("unseen21", "organizations"): 0.76,
    ("unseen21", "countries"): 0.93,
    ("unseen21", "quotes"): 0.95,
    ("unseen21", "speakers"): 0.90,
    ("unseen21", "roles"): 0.73,
    ("unseen21", "figures"): 0.92,
    ("unseen22", "people"): 0.87,
    ("unseen22", "organizations"): 0.78,
    ("unseen22", "countries"): 0.90,
    ("unseen22", "quotes"): 0.94,
    ("unseen22", "speakers"): 0.85,
    ("unseen22", "roles"): 0.79,
    ("unseen22", "figures"): 0.89,
    # unseen23 to unseen26: held out until the rules this session drew from unseen19-22.
    ("unseen23", "people"): 0.91,
    ("unseen23", "organizations"): 0.79,
    ("unseen23", "countries"): 0.95,
    ("unseen23", "quotes"): 0.97,
    ("unseen23", "speakers"): 0.87,
    ("unseen23", "roles"): 0.85,
    ("unseen23", "figures"): 0.91,
    ("unseen24", "people"): 0.83,
    ("unseen24", "organizations"): 0.84,
    ("unseen24", "countries"): 0.94,
    ("unseen24", "quotes"): 0.96,
    ("unseen24", "speakers"): 0.93,
    ("unseen24", "roles"): 0.74,
    ("unseen24", "figures"): 0.89,
    ("unseen25", "people"): 0.88,
    ("unseen25", "organizations"): 0.75,
    ("unseen25", "countries"): 0.88,
    ("unseen25", "quotes"): 0.96,
    ("unseen25", "speakers"): 0.81,
    ("unseen25", "roles"): 0.58,
    ("unseen25", "figures"): 0.82,
    ("unseen26", "people"): 0.85,
    ("unseen26", "organizations"): 0.77,
    ("unseen26", "countries"): 0.92,
    ("unseen26", "quotes"): 0.97,
    ("unseen26", "speakers"): 0.75,
    ("unseen26", "roles"): 0.69,
    ("unseen26", "figures"): 0.85,
    # unseen27 to unseen30: written blind in a later session, scored at its start (BEFORE)
    # and held out until its first rules were in (HELDOUT); rules were then drawn from them.
    ("unseen27", "people"): 0.91,
    ("unseen27", "organizations"): 0.82,
    ("unseen27", "countries"): 0.92,
    ("unseen27", "quotes"): 0.97,
    ("unseen27", "speakers"): 0.86,
    ("unseen27", "roles"): 0.87,
    ("unseen27", "figures"): 0.92,
    ("unseen28", "people"): 0.90,
    ("unseen28", "organizations"): 0.81,
    ("unseen28", "countries"): 0.93,
    ("unseen28", "quotes"): 0.95,
    ("unseen28", "speakers"): 0.81,
    ("unseen28", "roles"): 0.80,
    ("unseen28", "figures"): 0.85,
    ("unseen29", "people"): 0.88,
    ("unseen29", "organizations"): 0.78,
    ("unseen29", "countries"): 0.89,
    ("unseen29", "quotes"): 0.94,
    ("unseen29", "speakers"): 0.86,
    ("unseen29", "roles"): 0.76,
    ("unseen29", "figures"): 0.82,
    ("unseen30", "people"): 0.89,
    ("unseen30", "organizations"): 0.81,
    ("unseen30", "countries"): 0.94,
    ("unseen30", "quotes"): 0.95,
    ("unseen30", "speakers"): 0.84,
    ("unseen30", "roles"): 0.78,
    ("unseen30", "figures"): 0.90,
    # unseen31 to unseen34: written blind later in that session, held out at 77d4793.
    ("unseen31", "people"): 0.91,
    ("unseen31", "organizations"): 0.86,
    ("unseen31", "countries"): 0.95,
    ("unseen31", "quotes"): 0.95,
    ("unseen31", "speakers"): 0.90,
    ("unseen31", "roles"): 0.79,
    ("unseen31", "figures"): 0.94,
    ("unseen32", "people"): 0.92,
    ("unseen32", "organizations"): 0.82,
    ("unseen32", "countries"): 0.89,
    ("unseen32", "quotes"): 0.96,
    ("unseen32", "speakers"): 0.91,
    ("unseen32", "roles"): 0.79,
    ("unseen32", "figures"): 0.84,
    ("unseen33", "people"): 0.87,
    ("unseen33", "organizations"): 0.70,
    ("unseen33", "countries"): 0.94,
    ("unseen33", "quotes"): 0.93,
    ("unseen33", "speakers"): 0.85,
    ("unseen33", "roles"): 0.75,
    ("unseen33", "figures"): 0.81,
    ("unseen34", "people"): 0.84,
    ("unseen34", "organizations"): 0.79,
    ("unseen34", "countries"): 0.89,
    ("unseen34", "quotes"): 0.95,
    ("unseen34", "speakers"): 0.80,
    ("unseen34", "roles"): 0.68,
    ("unseen34", "figures"): 0.88,
    # unseen35 to unseen42: written blind in the fifth session, held out, then fixed
    # (README: before, held out, now); floors a little under now.
    ("unseen35", "people"): 0.93,
    ("unseen35", "organizations"): 0.82,
    ("unseen35", "countries"): 0.95,
    ("unseen35", "quotes"): 0.97,
    ("unseen35", "speakers"): 0.76,
    ("unseen35", "roles"): 0.77,
    ("unseen35", "figures"): 0.91,
    ("unseen36", "people"): 0.89,
    ("unseen36", "organizations"): 0.78,
    ("unseen36", "countries"): 0.98,
    ("unseen36", "quotes"): 0.96,
    ("unseen36", "speakers"): 0.90,
    ("unseen36", "roles"): 0.82,
    ("unseen36", "figures"): 0.87,
    ("unseen37", "people"): 0.92,
    ("unseen37", "organizations"): 0.65,
    ("unseen37", "countries"): 0.94,
    ("unseen37", "quotes"): 0.91,
    ("unseen37", "speakers"): 0.91,
    ("unseen37", "roles"): 0.74,
    ("unseen37", "figures"): 0.88,
    ("unseen38", "people"): 0.77,
    ("unseen38", "organizations"): 0.72,
    ("unseen38", "countries"): 0.90,
    ("unseen38", "quotes"): 0.97,
    ("unseen38", "speakers"): 0.79,
    ("unseen38", "roles"): 0.62,
    ("unseen38", "figures"): 0.89,
    ("unseen39", "people"): 0.94,
    ("unseen39", "organizations"): 0.79,
    ("unseen39", "countries"): 0.95,
    ("unseen39", "quotes"): 0.98,
    ("unseen39", "speakers"): 0.90,
    ("unseen39", "roles"): 0.70,
    ("unseen39", "figures"): 0.93,
    ("unseen40", "people"): 0.94,
    ("unseen40", "organizations"): 0.78,
    ("unseen40", "countries"): 0.92,
    ("unseen40", "quotes"): 0.95,
    ("unseen40", "speakers"): 0.85,
    ("unseen40", "roles"): 0.70,
    ("unseen40", "figures"): 0.92,
    ("unseen41", "people"): 0.85,
    ("unseen41", "organizations"): 0.78,
    ("unseen41", "countries"): 0.92,
    ("unseen41", "quotes"): 0.88,
    ("unseen41", "speakers"): 0.80,
    ("unseen41", "roles"): 0.77,
    ("unseen41", "figures"): 0.85,
    ("unseen42", "people"): 0.82,
    ("unseen42", "organizations"): 0.69,
    ("unseen42", "countries"): 0.84,
    ("unseen42", "quotes"): 0.95,
    ("unseen42", "speakers"): 0.74,
    ("unseen42", "roles"): 0.68,
    ("unseen42", "figures"): 0.85,
    # unseen43 to unseen46: written blind in the fifth session, held out after its rules
    # from unseen35 to unseen42, then fixed (README); floors a little under now.
    ("unseen43", "people"): 0.97,
    ("unseen43", "organizations"): 0.80,
    ("unseen43", "countries"): 0.94,
    ("unseen43", "quotes"): 0.97,
    ("unseen43", "speakers"): 0.85,
    ("unseen43", "roles"): 0.81,
    ("unseen43", "figures"): 0.89,
    ("unseen44", "people"): 0.86,
    ("unseen44", "organizations"): 0.76,
    ("unseen44", "countries"): 0.96,
    ("unseen44", "quotes"): 0.94,
    ("unseen44", "speakers"): 0.78,
    ("unseen44", "roles"): 0.69,
    ("unseen44", "figures"): 0.92,
    ("unseen45", "people"): 0.89,
    ("unseen45", "organizations"): 0.79,
    ("unseen45", "countries"): 0.96,
    ("unseen45", "quotes"): 0.97,
    ("unseen45", "speakers"): 0.82,
    ("unseen45", "roles"): 0.64,
    ("unseen45", "figures"): 0.89,
    ("unseen46", "people"): 0.78,
    ("unseen46", "organizations"): 0.70,
    ("unseen46", "countries"): 0.80,
    ("unseen46", "quotes"): 0.95,
    ("unseen46", "speakers"): 0.61,
    ("unseen46", "roles"): 0.69,
    ("unseen46", "figures"): 0.87,
    # unseen47 to unseen50: written blind in the sixth session, held out after its first
    # rules, then fixed (README); floors a little under now.
    ("unseen47", "people"): 0.96,
    ("unseen47", "organizations"): 0.81,
    ("unseen47", "countries"): 0.96,
    ("unseen47", "quotes"): 0.96,
    ("unseen47", "speakers"): 0.92,
    ("unseen47", "roles"): 0.86,
    ("unseen47", "figures"): 0.87,
    ("unseen48", "people"): 0.87,
    ("unseen48", "organizations"): 0.82,
    ("unseen48", "countries"): 0.86,
    ("unseen48", "quotes"): 0.95,
    ("unseen48", "speakers"): 0.85,
    ("unseen48", "roles"): 0.70,
    ("unseen48", "figures"): 0.70,
    ("unseen49", "people"): 0.93,
    ("unseen49", "organizations"): 0.85,
    ("unseen49", "countries"): 0.96,
    ("unseen49", "quotes"): 0.96,
    ("unseen49", "speakers"): 0.89,
    ("unseen49", "roles"): 0.87,
    ("unseen49", "figures"): 0.90,
    ("unseen50", "people"): 0.89,
    ("unseen50", "organizations"): 0.75,
    ("unseen50", "countries"): 0.89,
    ("unseen50", "quotes"): 0.97,
    ("unseen50", "speakers"): 0.81,
    ("unseen50", "roles"): 0.65,
    ("unseen50", "figures"): 0.89,
    # unseen51 to unseen54: held out after the rules drawn from unseen47 to unseen50.
    ("unseen51", "people"): 0.89,
    ("unseen51", "organizations"): 0.71,
    ("unseen51", "countries"): 0.79,
    ("unseen51", "quotes"): 0.95,
    ("unseen51", "speakers"): 0.88,
    ("unseen51", "roles"): 0.74,
    ("unseen51", "figures"): 0.90,
    ("unseen52", "people"): 0.85,
    ("unseen52", "organizations"): 0.74,
    ("unseen52", "countries"): 0.95,
    ("unseen52", "quotes"): 0.88,
    ("unseen52", "speakers"): 0.83,
    ("unseen52", "roles"): 0.67,
    ("unseen52", "figures"): 0.87,
    ("unseen53", "people"): 0.86,
    ("unseen53", "organizations"): 0.81,
    ("unseen53", "countries"): 0.94,
    ("unseen53", "quotes"): 0.97,
    ("unseen53", "speakers"): 0.85,
    ("unseen53", "roles"): 0.78,
    ("unseen53", "figures"): 0.91,
    ("unseen54", "people"): 0.88,
    ("unseen54", "organizations"): 0.77,
    ("unseen54", "countries"): 0.89,
    ("unseen54", "quotes"): 0.96,
    ("unseen54", "speakers"): 0.86,
    ("unseen54", "roles"): 0.79,
    ("unseen54", "figures"): 0.85,
    # unseen55, unseen56: held out after all of the sixth session's rules.
    ("unseen55", "people"): 0.90,
    ("unseen55", "organizations"): 0.78,
    ("unseen55", "countries"): 0.92,
    ("unseen55", "quotes"): 0.96,
    ("unseen55", "speakers"): 0.74,
    ("unseen55", "roles"): 0.78,
    ("unseen55", "figures"): 0.89,
    ("unseen56", "people"): 0.89,
    ("unseen56", "organizations"): 0.83,
    ("unseen56", "countries"): 0.93,
    ("unseen56", "quotes"): 0.96,
    ("unseen56", "speakers"): 0.70,
    ("unseen56", "roles"): 0.76,
    ("unseen56", "figures"): 0.93,
    # unseen57 to unseen60: held out after the seventh session's first rules.
    ("unseen57", "people"): 0.95,
    ("unseen57", "organizations"): 0.78,
    ("unseen57", "countries"): 0.91,
    ("unseen57", "quotes"): 0.97,
    ("unseen57", "speakers"): 0.96,
    ("unseen57", "roles"): 0.86,
    ("unseen57", "figures"): 0.90,
    ("unseen58", "people"): 0.87,
    ("unseen58", "organizations"): 0.73,
    ("unseen58", "countries"): 0.92,
    ("unseen58", "quotes"): 0.98,
    ("unseen58", "speakers"): 0.81,
    ("unseen58", "roles"): 0.59,
    ("unseen58", "figures"): 0.79,
    ("unseen59", "people"): 0.92,
    ("unseen59", "organizations"): 0.88,
    ("unseen59", "countries"): 0.95,
    ("unseen59", "quotes"): 0.90,
    ("unseen59", "speakers"): 0.93,
    ("unseen59", "roles"): 0.74,
    ("unseen59", "figures"): 0.96,
    ("unseen60", "people"): 0.84,
    ("unseen60", "organizations"): 0.76,
    ("unseen60", "countries"): 0.95,
    ("unseen60", "quotes"): 0.89,
    ("unseen60", "speakers"): 0.79,
    ("unseen60", "roles"): 0.63,
    ("unseen60", "figures"): 0.91,
    # unseen61 to unseen66: held out in the eighth session (unseen65 and unseen66 until its
    # last rules); floors a little under its final scores (README: before, held out, now).
    ("unseen61", "people"): 0.94,
    ("unseen61", "organizations"): 0.82,
    ("unseen61", "countries"): 0.96,
    ("unseen61", "quotes"): 0.97,
    ("unseen61", "speakers"): 0.89,
    ("unseen61", "roles"): 0.86,
    ("unseen61", "figures"): 0.94,
    ("unseen62", "people"): 0.90,
    ("unseen62", "organizations"): 0.86,
    ("unseen62", "countries"): 0.91,
    ("unseen62", "quotes"): 0.97,
    ("unseen62", "speakers"): 0.88,
    ("unseen62", "roles"): 0.76,
    ("unseen62", "figures"): 0.84,
    ("unseen63", "people"): 0.94,
    ("unseen63", "organizations"): 0.78,
    ("unseen63", "countries"): 0.88,
    ("unseen63", "quotes"): 0.90,
    ("unseen63", "speakers"): 0.95,
    ("unseen63", "roles"): 0.82,
    ("unseen63", "figures"): 0.84,
    ("unseen64", "people"): 0.96,
    ("unseen64", "organizations"): 0.76,
    ("unseen64", "countries"): 0.90,
    ("unseen64", "quotes"): 0.95,
    ("unseen64", "speakers"): 0.90,
    ("unseen64", "roles"): 0.73,
    ("unseen64", "figures"): 0.90,
    ("unseen65", "people"): 0.92,
    ("unseen65", "organizations"): 0.73,
    ("unseen65", "countries"): 0.97,
    ("unseen65", "quotes"): 0.94,
    ("unseen65", "speakers"): 0.88,
    ("unseen65", "roles"): 0.76,
    ("unseen65", "figures"): 0.90,
    ("unseen66", "people"): 0.89,
    ("unseen66", "organizations"): 0.84,
    ("unseen66", "countries"): 0.95,
    ("unseen66", "quotes"): 0.97,
    ("unseen66", "speakers"): 0.75,
    ("unseen66", "roles"): 0.80,
    ("unseen66", "figures"): 0.83,
    # Raised to a little under this session's scores (README: before and after).
    ("generality", "people"): 0.96,
    ("generality", "organizations"): 0.80,
    ("generality", "countries"): 0.96,
    ("generality", "quotes"): 0.96,
    ("generality", "speakers"): 0.85,
    ("generality", "stances"): 0.33,
    ("generality", "roles"): 0.76,
    # Figures: gold annotated before any figure rule changed (fixtures/generality/README);
    # first scored F1 0.756 (BEFORE_FIGURES.table), 0.903 after this session's fixes.
    ("generality", "figures"): 0.88,
}

# Names that must never be invented as a person or organization of that folder: wire staff,
# bylines and photo credits.
CREDITS: dict[str, tuple[str, ...]] = {
    "unseen": ("Amina Traoré", "Paul Whitfield", "Issouf Sanogo", "Jelena Marković", "Darko"),
    "unseen2": ("Corina Pons", "Daniel Flynn", "Tom Brown", "Fernando Vergara", "REUTERS"),
    "unseen4": (
        "Thiam Ndiaye",
        "Moussa Ouédraogo-Bila",
        "Clara Hemmings",
        "Peter Galloway",
        "Djibril Kasongo-Ilunga",
        "Nafisa Al-Amin",
        "Selam Worku-Tessema",
        "Reuters",
        "AFP",
    ),
    "unseen5": (
        "Esteban Quiroga",
        "Daniela Marín Soto",
        "Lindiwe Phiri-Kachale",
        "Halima Yusuf-Okafor",
        "Rosa Elvira Cancho",
    ),
    "unseen6": (
        "Lasha Beridze",
        "Anna Petrovic-Hale",
        "Rosalind Thackeray",
        "Zarina Sadykova",
        "Aibek Toktogulov",
        "Helena Whitcombe-Ray",
    ),
    "unseen7": ("Hodan Abdikarim Yusuf", "Marco Bellandi-Rossi", "Saito Jun", "Tom Ashworth-Lyle"),
    "unseen8": ("EVAN T. HOLLOWAY", "Lucas Pereira-Nunes", "Getty Images", "Daniel H. Kwok"),
    "unseen9": ("Olena Hrytsenko-Bilyk", "Dmitry Arkhipov", "ISSOUFOU MAMANE DAOUDA"),
    **{
        folder: tuple(
            c
            for f in sorted((FIXTURES / folder).glob("*.json"))
            for c in json.loads(f.read_text("utf-8"))["credits_only"]
        )
        for folder in (
            "unseen10",
            "unseen11",
            "unseen12",
            "unseen13",
            "unseen14",
            "unseen15",
            "unseen16",
            "unseen17",
            "unseen18",
            "unseen19",
            "unseen20",
            "unseen21",
            "unseen22",
            "unseen23",
            "unseen24",
            "unseen25",
            "unseen26",
            "unseen27",
            "unseen28",
            "unseen29",
            "unseen30",
            "unseen31",
            "unseen32",
            "unseen33",
            "unseen34",
            "unseen35",
            "unseen36",
            "unseen37",
            "unseen38",
            "unseen39",
            "unseen40",
            "unseen41",
            "unseen42",
            "unseen43",
            "unseen44",
            "unseen45",
            "unseen46",
            "unseen47",
            "unseen48",
            "unseen49",
            "unseen50",
            "unseen51",
            "unseen52",
            "unseen53",
            "unseen54",
            "unseen55",
            "unseen56",
            "unseen57",
            "unseen58",
            "unseen59",
            "unseen60",
            "unseen61",
            "unseen62",
            "unseen63",
            "unseen64",
            "unseen65",
            "unseen66",
        )
    },
}


@pytest.fixture(scope="module")
def reports() -> dict[str, Report]:
    """One ``score_folder`` per folder for the whole module, filled on first use."""
    return {}


def _report(reports: dict[str, Report], folder: str) -> Report:
    if folder not in reports:
        reports[folder] = score_folder(FIXTURES / folder)
    return reports[folder]


def _score(report: Report, category: str) -> float:
    if category == "speakers":
        return report.speaker_accuracy
    categories = report.categories()
    if category not in categories:
        pytest.fail(f"evaluate.py reports no category {category!r}: {sorted(categories)}")
    return categories[category].f1


@pytest.mark.parametrize(
    ("folder", "category"), sorted(FLOORS), ids=[f"{f}-{c}" for f, c in sorted(FLOORS)]
)
def test_floor(reports: dict[str, Report], folder: str, category: str) -> None:
    report = _report(reports, folder)
    assert _score(report, category) >= FLOORS[folder, category], report.as_table()


# Precision first: a wrong relation published costs more than a missing one, and facts
# the importer is sure of (confidence >= 0.8) must be right nine times in ten.
PRECISION_FLOORS: dict[tuple[str, str], float] = {
    ("unseen7", "roles"): 0.90,
    ("unseen8", "roles"): 0.90,
    ("unseen9", "roles"): 0.90,
    ("unseen10", "roles"): 0.90,
    ("unseen11", "roles"): 0.90,
    ("unseen12", "roles"): 0.90,
    ("unseen13", "roles"): 0.90,
    ("unseen14", "roles"): 0.90,
    ("unseen15", "roles"): 0.88,
    ("unseen16", "roles"): 0.90,
    ("unseen15", "stances"): 0.90,
    ("unseen17", "roles"): 0.88,
    ("unseen18", "roles"): 0.90,
    ("unseen19", "roles"): 0.90,
    ("unseen20", "roles"): 0.90,
    ("unseen21", "roles"): 0.90,
    ("unseen22", "roles"): 0.90,
    ("unseen23", "roles"): 0.90,
    # Roles on unseen24 and unseen25 (release and wire copy on Latin America and official
    # bodies) are right 0.90 and 0.88 of the time (0.83 and 0.81 when first held out): an
    # ambassador's post guessed from a neighbour sentence. Held here; README, open items.
    ("unseen24", "roles"): 0.86,
    ("unseen25", "roles"): 0.85,
    ("unseen26", "roles"): 0.90,
    ("unseen27", "roles"): 0.90,
    ("unseen28", "roles"): 0.90,
    ("unseen29", "roles"): 0.88,
    ("unseen30", "roles"): 0.90,
    # Roles on unseen31, unseen33 and unseen34 are right 0.88, 0.92 and 0.84 of the time: a
    # country guessed from the sentence, an envoy's post read off a neighbour. Open items.
    ("unseen31", "roles"): 0.85,
    ("unseen32", "roles"): 0.90,
    ("unseen33", "roles"): 0.88,
    ("unseen34", "roles"): 0.80,
    # Roles on unseen37 and unseen40 (official copy) are right 0.90 and 0.92 of the time.
    ("unseen35", "roles"): 0.90,
    ("unseen36", "roles"): 0.90,
    ("unseen37", "roles"): 0.87,
    ("unseen38", "roles"): 0.90,
    ("unseen39", "roles"): 0.90,
    ("unseen40", "roles"): 0.88,
    ("unseen41", "roles"): 0.90,
    ("unseen42", "roles"): 0.90,
    # Roles on unseen43 and unseen44 (Lima Group wire copy, official releases) are right 0.90
    # and 0.93 of the time: a country guessed for an ambassador's post. Open items.
    ("unseen43", "roles"): 0.87,
    ("unseen44", "roles"): 0.89,
    ("unseen45", "roles"): 0.90,
    ("unseen46", "roles"): 0.90,
    ("unseen47", "roles"): 0.90,
    ("unseen48", "roles"): 0.85,
    ("unseen49", "roles"): 0.90,
    ("unseen50", "roles"): 0.90,
    # Roles on unseen52 (official texts) are right 0.87 of the time. Open items.
    ("unseen51", "roles"): 0.90,
    ("unseen52", "roles"): 0.84,
    ("unseen53", "roles"): 0.90,
    ("unseen54", "roles"): 0.90,
    ("unseen55", "roles"): 0.90,
    ("unseen56", "roles"): 0.88,
    # Roles on unseen58 (official texts) are right 0.88 of the time. Open items.
    ("unseen57", "roles"): 0.90,
    ("unseen58", "roles"): 0.85,
    ("unseen59", "roles"): 0.90,
    ("unseen60", "roles"): 0.90,
    ("unseen61", "roles"): 0.90,
    ("unseen62", "roles"): 0.88,
    ("unseen63", "roles"): 0.90,
    ("unseen64", "roles"): 0.90,
    # Roles on unseen65 (Lima Group and OAS texts) are right 0.85 of the time: a
    # country guessed for an envoy's post. Open items.
    ("unseen65", "roles"): 0.82,
    ("unseen66", "roles"): 0.90,
    ("unseen13", "stances"): 0.90,
    ("unseen14", "stances"): 0.90,
    ("unseen11", "stances"): 0.90,
    ("unseen4", "roles"): 0.90,
    ("unseen5", "roles"): 0.90,
    ("unseen6", "roles"): 0.90,
    ("generality", "stances"): 0.80,
    ("generality", "roles"): 0.90,
    ("generality", "figures"): 0.83,
}


@pytest.mark.parametrize(("folder", "category"), sorted(PRECISION_FLOORS))
def test_precision_floor(reports: dict[str, Report], folder: str, category: str) -> None:
    report = _report(reports, folder)
    score = report.categories()[category]
    assert score.precision >= PRECISION_FLOORS[folder, category], report.as_table()


# Recall, where a category is scored for it: the figures a reader would care about.
RECALL_FLOORS: dict[tuple[str, str], float] = {
    ("generality", "figures"): 0.92,
}


@pytest.mark.parametrize(("folder", "category"), sorted(RECALL_FLOORS))
def test_recall_floor(reports: dict[str, Report], folder: str, category: str) -> None:
    report = _report(reports, folder)
    score = report.categories()[category]
    assert score.recall >= RECALL_FLOORS[folder, category], report.as_table()


def test_confident_figures_are_right_nine_times_in_ten(reports: dict[str, Report]) -> None:
    """A figure at confidence >= 0.8 matches a gold figure, with the gold's kind and range."""
    report = _report(reports, "generality")
    figures = report.figures
    assert figures.confident >= 50, report.as_table()  # most figures are confident ...
    assert figures.confident_right / figures.confident >= 0.9, report.as_table()  # ... and right
    assert report.figure_kinds_right / report.figure_kinds_total >= 0.95, report.as_table()
    assert report.figure_ranges_right / report.figure_ranges_total >= 0.95, report.as_table()


# Actors are counted on their own below: their hundreds of links would drown the facts here.
ACTOR_CATEGORIES = ("people", "organizations")


def test_confident_facts_are_right_nine_times_in_ten(reports: dict[str, Report]) -> None:
    report = _report(reports, "generality")
    facts = [s for name, s in report.categories().items() if name not in ACTOR_CATEGORIES]
    confident = sum(s.confident for s in facts)
    right = sum(s.confident_right for s in facts)
    assert confident >= 30, report.as_table()  # enough facts for the share to mean something
    assert right / confident >= 0.9, report.as_table()


@pytest.mark.parametrize(
    "folder",
    ["generality", "unseen", "unseen2", "unseen3", "unseen4", "unseen5", "unseen6", "unseen7",
     "unseen8", "unseen9", "unseen10", "unseen11", "unseen12", "unseen13", "unseen14",
     "unseen15", "unseen16", "unseen17", "unseen18", "unseen19", "unseen20", "unseen21",
     "unseen22", "unseen23", "unseen24", "unseen25", "unseen26", "unseen27", "unseen28",
     "unseen29", "unseen30", "unseen31", "unseen32", "unseen34", "unseen36", "unseen37", "unseen38",
     "unseen39", "unseen40", "unseen41", "unseen42", "unseen45", "unseen47", "unseen48",
     "unseen49", "unseen50", "unseen51", "unseen52", "unseen54", "unseen55", "unseen56",
     "unseen57", "unseen58", "unseen59", "unseen61", "unseen62", "unseen63", "unseen64",
     "unseen65", "unseen66"],
)  # fmt: skip
def test_speakers_given_are_right_and_the_confident_ones_nine_times_in_ten(
    reports: dict[str, Report], folder: str
) -> None:
    """A wrong speaker costs more than none: among the speakers the pipeline gives,
    at least 93 % are right, and among those at confidence 0.8 or more, 90 %."""
    report = _report(reports, folder)
    given = report.speakers_given
    assert given.precision >= 0.93, report.as_table()
    if folder == "generality":
        assert given.confident >= 100, report.as_table()
    if given.confident:
        assert given.confident_right / given.confident >= 0.9, report.as_table()


def test_confident_actor_links_are_right_nine_times_in_ten(reports: dict[str, Report]) -> None:
    """People and organisations at confidence 0.8 or above: right (a gold entity of the
    same kind) nine times in ten, in each kind and together; and the bar leaves most out
    of doubt, or it would say nothing (all actors below 0.8 would pass it too)."""
    report = _report(reports, "generality")
    scores = [report.categories()[name] for name in ACTOR_CATEGORIES]
    for score in scores:
        assert score.confident_right / score.confident >= 0.9, report.as_table()
    confident = sum(s.confident for s in scores)
    assert sum(s.confident_right for s in scores) / confident >= 0.9, report.as_table()
    assert confident >= 0.75 * sum(s.tp + s.fp for s in scores), report.as_table()


@pytest.mark.parametrize("folder", sorted(CREDITS))
def test_credits_are_not_actors(reports: dict[str, Report], folder: str) -> None:
    report = _report(reports, folder)
    invented = " ".join(report.people.invented + report.organizations.invented)
    for credit in CREDITS[folder]:
        assert credit not in invented, report.as_table()


# Small texts, one construction each.


def _extract_json(text: str) -> dict[str, object]:
    return to_json(extract(text))


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q["text"], q["speaker"]) for q in _extract_json(text)["quotes"]]


def _names(text: str, kind: str | None) -> list[str]:
    return [a["name"] for a in _extract_json(text)["actors"] if kind is None or a["kind"] == kind]


FIRST_SPEAKER = [
    pytest.param(
        "Igor Sechin met Maduro in November. "
        '"We will continue to cooperate with our partners," Kremlin spokesman Dmitry Peskov '
        "told reporters in Moscow.",
        "Dmitry Peskov",
        id="title_between_quote_and_name",
    ),
    pytest.param(
        "Alberto Fernandez has distanced himself from the bloc. For the Argentinian analyst "
        'Atilio Boron, the group "was born dead, because it was born as a ministry of colonies."',
        "Atilio Boron",
        id="for_the_analyst_frames_a_view",
    ),
    pytest.param(
        "Foreign Minister Rogelio Mayta spoke on Wednesday. "
        "According to Mayta, the de facto government of Jeanine Añez had served "
        "Washington. ‘During one year our foreign policy was subordinated to others,’ he said.",
        "Rogelio Mayta",
        id="he_skips_a_name_governed_by_of",
    ),
    pytest.param(
        "Canadian Foreign Minister Chrystia Freeland said the pressure on Maduro was working. "
        '"The regime has lost all legitimacy," she told reporters.',
        "Chrystia Freeland",
        id="pronoun_skips_a_name_after_a_preposition",
    ),
    pytest.param(
        "Foreign Minister Rogelio Mayta spoke on Wednesday in a long session with the press "
        "that lasted for most of the afternoon and covered trade, migration and the border. "
        "The minister then took questions from several foreign correspondents at length "
        "about the crisis in the neighbouring country and the future of the regional bloc. "
        "Analysts said the decision had been expected for weeks by diplomats in the capital. "
        "According to Mayta, the de facto government of Jeanine Añez had served Washington. "
        "‘Our foreign policy was subordinated to others,’ he said.",
        "Rogelio Mayta",
        id="pronoun_keeps_the_voice_of_according_to",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), FIRST_SPEAKER)
def test_first_speaker(text: str, speaker: str) -> None:
    assert _speakers(text)[0][1] == speaker


ALL_SPEAKERS = [
    pytest.param(
        "'Every dollar that goes to Venezuela's usurper is a dollar lost,' Juan Guaido wrote.",
        [("Every dollar that goes to Venezuela's usurper is a dollar lost,", "Juan Guaido")],
        id="straight_single_quotes_with_apostrophes_inside",
    ),
    pytest.param(
        'Foreign Minister Ernesto Araujo wrote that the government had shown "its true face '
        'of a criminal regime". Brazilian officials said two trucks had returned.',
        [("its true face of a criminal regime", "Ernesto Araujo")],
        id="no_speaker_from_the_next_sentence",
    ),
    pytest.param(
        "Attorney general Luisa Ortega Diaz denounced that the Government "
        '"wants to hide the corruption".',
        [("wants to hide the corruption", "Luisa Ortega Diaz")],
        id="translated_reporting_verbs",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ALL_SPEAKERS)
def test_all_speakers(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _speakers(text) == expected


# (text, kind or None for every actor, check, names): "is" = exactly these names (with their
# multiplicity), "has" = at least these, "lacks" = none of these.
ACTORS = [
    pytest.param(
        "By Mayela Armas, Corina Pons\n\nExports fell, Manuel Quevedo told reporters.",
        "person",
        "is",
        ["Manuel Quevedo"],
        id="byline_with_several_names_credits_them_all",
    ),
    pytest.param(
        "FILE PHOTO: A worker walks past a gas station in Caracas, Venezuela January 29, 2019. "
        "REUTERS/Manaure Quintero/File Photo\n\nExports fell, Manuel Quevedo said.",
        None,
        "is",
        ["Manuel Quevedo"],
        id="file_photo_credit_with_slashes",
    ),
    pytest.param(
        "Supporters clash with soldiers near the border [Fernando Vergara/AP Photo]\n\n"
        "Aid was blocked, Ivan Duque told reporters.",
        "person",
        "is",
        ["Ivan Duque"],
        id="square_bracket_credit",
    ),
    pytest.param(
        "Cucuta, Colombia - Trucks were set on fire on Saturday.\n\n"
        "Pinera flew to Cucuta for a concert, Ivan Duque said.",
        None,
        "lacks",
        ["Cucuta"],
        id="place_dateline_town_is_never_a_person",
    ),
    pytest.param(
        "Protesters clashed on the Simon Bolivar bridge, Ivan Duque said.",
        "person",
        "lacks",
        ["Simon Bolivar"],
        id="name_before_bridge_is_a_place",
    ),
    pytest.param(
        "For the Argentinian analyst Atilio Boron, the group was born dead.",
        "person",
        "has",
        ["Atilio Boron"],
        id="role_before_name_beats_a_bodys_appositive",
    ),
    pytest.param(
        "Phil Gunson, a Caracas-based analyst at a think tank, said expectations were modest.",
        "person",
        "has",
        ["Phil Gunson"],
        id="capitalised_appositive_role",
    ),
    pytest.param(
        "The president of the TSJ spoke on Tuesday.\n\n"
        "The Supreme Court of Justice (TSJ) of Venezuela endorsed the decisions.",
        "organization",
        "is",
        ["Supreme Court of Justice"],
        id="acronym_used_before_its_definition_is_one_body",
    ),
    pytest.param(
        "08/08/2017 - 21:37h CEST\n\n"
        "FILE - Juan Guaido speaks in Caracas.\n\n"
        "The National Electoral Council (CNE) announced the vote.",
        "organization",
        "lacks",
        ["CEST", "FILE"],
        id="time_zone_and_caption_label_are_not_organizations",
    ),
    pytest.param(
        "Volunteers from the Red Cross hand out blankets. "
        "Amnesty International has made the same warning.",
        "organization",
        "has",
        ["Red Cross", "Amnesty International"],
        id="international_and_cross_head_organizations",
    ),
    pytest.param(
        "Aid workers in Cúcuta are tired. Shelters in Cúcuta are full, and the road from "
        "Cúcuta is long. The Constituent met again; the Constituent voted; the Constituent "
        "rules. Nurse Ana Ruiz said so.",
        "person",
        "lacks",
        ["Cúcuta", "Constituent"],
        id="recurring_word_after_in_or_the_is_no_surname",
    ),
    pytest.param(
        "Dany Bahar, a fellow at the Brookings Institution who studies migration, says "
        "the fear is misplaced.",
        "person",
        "has",
        ["Dany Bahar"],
        id="fellow_is_a_role_in_an_appositive",
    ),
    pytest.param(
        "Migrants rest at a shelter in Cúcuta. Photograph: Fernando Vergara/AP\n\n"
        "Aid was slow, Felipe Muñoz said.",
        "person",
        "is",
        ["Felipe Muñoz"],
        id="photograph_credit_is_no_person",
    ),
    pytest.param(
        "Aid was slow, Felipe Muñoz said.\n"
        "Associated Press writer Scott Smith in Caracas contributed to this report.\n",
        "person",
        "is",
        ["Felipe Muñoz"],
        id="contributed_to_this_report_is_a_credit",
    ),
    pytest.param(
        "By Karen Lema | Photograph: Ted Aljibe/AFP\n\nThe ship left, Eduardo Ano said.",
        "person",
        "is",
        ["Eduardo Ano"],
        id="byline_with_photo_credit_credits_the_whole_line",
    ),
]


@pytest.mark.parametrize(("text", "kind", "check", "names"), ACTORS)
def test_actors(text: str, kind: str | None, check: str, names: list[str]) -> None:
    found = _names(text, kind)
    if check == "is":
        assert Counter(found) == Counter(names), found
    elif check == "has":
        assert set(names) <= set(found), found
    else:
        assert not set(names) & set(found), found


def test_wire_trailer_is_debris() -> None:
    raw = (
        "Oil exports fell sharply, Manuel Quevedo said.\n"
        "Reporting by Mayela Armas and Corina Pons in Caracas; Editing by Daniel Flynn\n"
    )
    cleaned = clean(raw)
    assert "Editing" not in cleaned.body
    assert cleaned.boilerplate_lines == (2,)


def test_wire_dateline_gives_publisher_and_no_actor() -> None:
    text = "CARACAS (Reuters) - Venezuela's state oil company PDVSA has suspended shipments."
    assert clean(text).publisher == "Reuters"
    assert _names(text, None) == ["PDVSA"]


def test_contributed_to_this_report_leaves_the_body() -> None:
    raw = (
        "Aid was slow, Felipe Muñoz said.\n"
        "Associated Press writer Scott Smith in Caracas contributed to this report.\n"
    )
    assert clean(raw).body.count("Scott Smith") <= 1


def test_parent_acronym_before_an_agency_name_is_one_body() -> None:
    text = (
        "The plan was 21% funded, according to the UN Office for the Coordination of "
        "Humanitarian Affairs. The Office for the Coordination of Humanitarian Affairs (OCHA) "
        "asked donors for more."
    )
    orgs = _names(text, "organization")
    assert len([o for o in orgs if "Coordination" in o]) == 1, orgs
