"""The places the ITU meets: a city as letters name it (in English, French or Spanish) to its
English name, its country and its IANA zone; and a country named alone ("in Bahrain"), whose
zone is known when it has only one. A place not in this table has no zone here: the
`letter` command then asks for `--timezone`."""

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Venue:
    city: str  # "" for a country named alone ("in Bahrain")
    country: str
    zone: str | None  # None for a country named alone that has several zones

    @property
    def location(self) -> str:
        return f"{self.city}, {self.country}" if self.city else self.country


# city | country | zone | other spellings (French, Spanish, older names), "/"-separated
_TABLE = """
Geneva|Switzerland|Europe/Zurich|Genève/Ginebra/Genf/Женева/Женеве/جنيف/日内瓦
Doha|Qatar|Asia/Qatar|Доха/الدوحة
Dubai|United Arab Emirates|Asia/Dubai|Dubaï/Дубай/دبي
Abu Dhabi|United Arab Emirates|Asia/Dubai|Abou Dhabi
Kigali|Rwanda|Africa/Kigali|
Buenos Aires|Argentina|America/Argentina/Buenos_Aires|
Bangkok|Thailand|Asia/Bangkok|
Hammamet|Tunisia|Africa/Tunis|
Tunis|Tunisia|Africa/Tunis|Túnez
Busan|Korea (Rep. of)|Asia/Seoul|Pusan
Seoul|Korea (Rep. of)|Asia/Seoul|Séoul/Seúl
Lisbon|Portugal|Europe/Lisbon|Lisbonne/Lisboa
Madeira|Portugal|Atlantic/Madeira|Madère/Funchal
Hyderabad|India|Asia/Kolkata|
New Delhi|India|Asia/Kolkata|New Delhi/Nueva Delhi/Delhi
Addis Ababa|Ethiopia|Africa/Addis_Ababa|Addis-Abeba/Addis Abeba/Addis Abbeba
Nairobi|Kenya|Africa/Nairobi|
Kampala|Uganda|Africa/Kampala|
Cairo|Egypt|Africa/Cairo|Le Caire/El Cairo
Sharm el-Sheikh|Egypt|Africa/Cairo|Sharm El Sheikh/Charm el-Cheikh
Abuja|Nigeria|Africa/Lagos|
Accra|Ghana|Africa/Accra|
Dakar|Senegal|Africa/Dakar|
Abidjan|Côte d'Ivoire|Africa/Abidjan|
Cotonou|Benin|Africa/Porto-Novo|
Yaoundé|Cameroon|Africa/Douala|Yaounde
Johannesburg|South Africa|Africa/Johannesburg|
Cape Town|South Africa|Africa/Johannesburg|Le Cap/Ciudad del Cabo
Livingstone|Zambia|Africa/Lusaka|
Lusaka|Zambia|Africa/Lusaka|
Harare|Zimbabwe|Africa/Harare|
Gaborone|Botswana|Africa/Gaborone|
Windhoek|Namibia|Africa/Windhoek|
Maputo|Mozambique|Africa/Maputo|
Marrakesh|Morocco|Africa/Casablanca|Marrakech
Rabat|Morocco|Africa/Casablanca|
Muscat|Oman|Asia/Muscat|Mascate
Manama|Bahrain|Asia/Bahrain|
Riyadh|Saudi Arabia|Asia/Riyadh|Riyad/Riad
Amman|Jordan|Asia/Amman|
Damascus|Syrian Arab Republic|Asia/Damascus|Damas/Damasco
Khartoum|Sudan|Africa/Khartoum|Khartoum/Jartum
Algiers|Algeria|Africa/Algiers|Alger/Argel
Tripoli|Libya|Africa/Tripoli|Trípoli
Baghdad|Iraq|Asia/Baghdad|Bagdad
Djibouti|Djibouti|Africa/Djibouti|Yibuti
Dar es Salaam|Tanzania|Africa/Dar_es_Salaam|
Arusha|Tanzania|Africa/Dar_es_Salaam|
Victoria Falls|Zimbabwe|Africa/Harare|
Kinshasa|Democratic Republic of the Congo|Africa/Kinshasa|
Brazzaville|Congo|Africa/Brazzaville|
Libreville|Gabon|Africa/Libreville|
Lomé|Togo|Africa/Lome|Lome
Niamey|Niger|Africa/Niamey|
Bamako|Mali|Africa/Bamako|
Ouagadougou|Burkina Faso|Africa/Ouagadougou|
Lagos|Nigeria|Africa/Lagos|
Antananarivo|Madagascar|Indian/Antananarivo|
Port Louis|Mauritius|Indian/Mauritius|
Caracas|Venezuela|America/Caracas|
La Paz|Bolivia|America/La_Paz|
Guatemala City|Guatemala|America/Guatemala|Ciudad de Guatemala
San Salvador|El Salvador|America/El_Salvador|
Tegucigalpa|Honduras|America/Tegucigalpa|
Managua|Nicaragua|America/Managua|
Havana|Cuba|America/Havana|La Havane/La Habana
Georgetown|Guyana|America/Guyana|
Paramaribo|Suriname|America/Paramaribo|
Nassau|Bahamas|America/Nassau|
Bishkek|Kyrgyzstan|Asia/Bishkek|Bichkek/Biskek
Dushanbe|Tajikistan|Asia/Dushanbe|Douchanbé
Chisinau|Moldova|Europe/Chisinau|Chişinău/Chisináu
Kyiv|Ukraine|Europe/Kyiv|Kiev/Kiev
Vientiane|Lao P.D.R.|Asia/Vientiane|
Phnom Penh|Cambodia|Asia/Phnom_Penh|
Thimphu|Bhutan|Asia/Thimphu|
Suva|Fiji|Pacific/Fiji|
Port Moresby|Papua New Guinea|Pacific/Port_Moresby|
Bratislava|Slovakia|Europe/Bratislava|
Zagreb|Croatia|Europe/Zagreb|
Belgrade|Serbia|Europe/Belgrade|Belgrado
Vilnius|Lithuania|Europe/Vilnius|
Riga|Latvia|Europe/Riga|
Tallinn|Estonia|Europe/Tallinn|
Oslo|Norway|Europe/Oslo|
Dublin|Ireland|Europe/Dublin|
Amsterdam|Netherlands|Europe/Amsterdam|
The Hague|Netherlands|Europe/Amsterdam|La Haye/La Haya
Munich|Germany|Europe/Berlin|Munich/Múnich/München
Mainz|Germany|Europe/Berlin|Mayence/Maguncia
Lausanne|Switzerland|Europe/Zurich|
Zurich|Switzerland|Europe/Zurich|Zürich/Zúrich
Florence|Italy|Europe/Rome|Florencia/Firenze
Turin|Italy|Europe/Rome|Turín/Torino
Valencia|Spain|Europe/Madrid|Valence
Barcelona|Spain|Europe/Madrid|Barcelone
Beirut|Lebanon|Asia/Beirut|Beyrouth
Kuwait City|Kuwait|Asia/Kuwait|
Istanbul|Türkiye|Europe/Istanbul|Estambul
Antalya|Türkiye|Europe/Istanbul|
Tashkent|Uzbekistan|Asia/Tashkent|Tachkent
Almaty|Kazakhstan|Asia/Almaty|
Astana|Kazakhstan|Asia/Almaty|
Baku|Azerbaijan|Asia/Baku|Bakou
Tbilisi|Georgia|Asia/Tbilisi|
Yerevan|Armenia|Asia/Yerevan|Erevan/Ereván
Minsk|Belarus|Europe/Minsk|
Moscow|Russian Federation|Europe/Moscow|Moscou/Moscú
St. Petersburg|Russian Federation|Europe/Moscow|Saint Petersburg/St Petersburg/Saint-Pétersbourg
Sochi|Russian Federation|Europe/Moscow|Sotchi
Beijing|China|Asia/Shanghai|Pékin/Pekín/北京/بيجين
Shenzhen|China|Asia/Shanghai|
Shanghai|China|Asia/Shanghai|
Hangzhou|China|Asia/Shanghai|
Tokyo|Japan|Asia/Tokyo|Tokio
Kyoto|Japan|Asia/Tokyo|
Singapore|Singapore|Asia/Singapore|Singapour/Singapur
Kuala Lumpur|Malaysia|Asia/Kuala_Lumpur|
Jakarta|Indonesia|Asia/Jakarta|Yakarta
Bali|Indonesia|Asia/Makassar|
Hanoi|Viet Nam|Asia/Ho_Chi_Minh|Hanói
Ho Chi Minh City|Viet Nam|Asia/Ho_Chi_Minh|
Manila|Philippines|Asia/Manila|Manille
Colombo|Sri Lanka|Asia/Colombo|
Kathmandu|Nepal|Asia/Kathmandu|Katmandou
Dhaka|Bangladesh|Asia/Dhaka|
Islamabad|Pakistan|Asia/Karachi|
Tehran|Iran (Islamic Republic of)|Asia/Tehran|Téhéran/Teherán
Ulaanbaatar|Mongolia|Asia/Ulaanbaatar|Oulan-Bator
Sydney|Australia|Australia/Sydney|
Nadi|Fiji|Pacific/Fiji|
Ottawa|Canada|America/Toronto|
Montreal|Canada|America/Toronto|Montréal
Washington|United States|America/New_York|
San Diego|United States|America/Los_Angeles|
Mexico City|Mexico|America/Mexico_City|Ciudad de México
Cancún|Mexico|America/Cancun|Cancun
Lima|Peru|America/Lima|
Bogotá|Colombia|America/Bogota|Bogota
Cartagena|Colombia|America/Bogota|Carthagène
Medellín|Colombia|America/Bogota|Medellin
Quito|Ecuador|America/Guayaquil|
Santiago|Chile|America/Santiago|
Montevideo|Uruguay|America/Montevideo|
Asunción|Paraguay|America/Asuncion|Asuncion
Brasilia|Brazil|America/Sao_Paulo|Brasília
Rio de Janeiro|Brazil|America/Sao_Paulo|
San José|Costa Rica|America/Costa_Rica|San Jose
Panama City|Panama|America/Panama|Ciudad de Panamá
Santo Domingo|Dominican Republic|America/Santo_Domingo|Saint-Domingue
Port of Spain|Trinidad and Tobago|America/Port_of_Spain|Port-d'Espagne/Puerto España
Kingston|Jamaica|America/Jamaica|
Bridgetown|Barbados|America/Barbados|
Paris|France|Europe/Paris|París
London|United Kingdom|Europe/London|Londres
Berlin|Germany|Europe/Berlin|Berlín
Bern|Switzerland|Europe/Zurich|Berne/Berna
Brussels|Belgium|Europe/Brussels|Bruxelles/Bruselas
Vienna|Austria|Europe/Vienna|Vienne/Viena
Prague|Czech Republic|Europe/Prague|Praga
Budapest|Hungary|Europe/Budapest|
Warsaw|Poland|Europe/Warsaw|Varsovie/Varsovia
Madrid|Spain|Europe/Madrid|
Rome|Italy|Europe/Rome|Roma
Ljubljana|Slovenia|Europe/Ljubljana|
Sofia|Bulgaria|Europe/Sofia|Sofía
Bucharest|Romania|Europe/Bucharest|Bucarest
Athens|Greece|Europe/Athens|Athènes/Atenas
Stockholm|Sweden|Europe/Stockholm|Estocolmo
Helsinki|Finland|Europe/Helsinki|
Copenhagen|Denmark|Europe/Copenhagen|Copenhague
Sophia Antipolis|France|Europe/Paris|
Malta|Malta|Europe/Malta|Malte/Valletta
"""


def _fold(text: str) -> str:
    """Lower case without accents, so 'Genève' and 'geneve' meet (other scripts kept)."""
    marks = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in marks if not unicodedata.combining(c))
    return re.sub(r"[\s.-]+", " ", plain).strip()


def _table() -> dict[str, Venue]:
    names: dict[str, Venue] = {}
    for line in _TABLE.strip().splitlines():
        city, country, zone, others = line.split("|")
        venue = Venue(city, country, zone)
        for name in [city, *filter(None, others.split("/"))]:
            names[_fold(name)] = venue
    return names


VENUES = _table()
_CJK = re.compile(r"[\u4e00-\u9fff]")
_NAMES = sorted(VENUES, key=len, reverse=True)
# A name in Chinese has no spaces around it ("中国北京"): it is found anywhere
_VENUE_RE = re.compile(
    r"\b("
    + "|".join(re.escape(n) for n in _NAMES if not _CJK.search(n))
    + r")\b|("
    + "|".join(re.escape(n) for n in _NAMES if _CJK.search(n))
    + ")"
)


def find_venues(text: str) -> list[tuple[int, int, Venue]]:
    """Where in `text` a known place is named (start, end), and which. Positions are those of
    `text`: the folding keeps one character for one (accents drop, the letters stay)."""
    folded = "".join((_fold(c) or " ")[:1] for c in text)
    return [(m.start(), m.end(), VENUES[m[1] or m[2]]) for m in _VENUE_RE.finditer(folded)]


# Countries of the table that span several zones: named alone, they leave the zone unknown.
_SEVERAL_ZONES = {
    "Argentina", "Australia", "Brazil", "Canada", "Chile", "Democratic Republic of the Congo",
    "Ecuador", "France", "Indonesia", "Kazakhstan", "Mexico", "Mongolia", "Papua New Guinea",
    "Portugal", "Russian Federation", "Spain", "United States",
}  # fmt: skip


def _countries() -> dict[str, Venue]:
    zones: dict[str, set[str]] = {}
    for venue in VENUES.values():
        zones.setdefault(venue.country, set()).add(venue.zone or "")
    return {
        _fold(country): Venue("", country, None if country in _SEVERAL_ZONES else zone.pop())
        for country, zone in zones.items()
        if len(zone) == 1 or country in _SEVERAL_ZONES
    }


# Other names letters give the countries of the table (the location keeps the ITU's name)
_COUNTRY_ALIASES = {
    "Republic of Korea": "Korea (Rep. of)", "Kingdom of Bahrain": "Bahrain",
    "Kingdom of Saudi Arabia": "Saudi Arabia", "State of Qatar": "Qatar",
    "Sultanate of Oman": "Oman", "Vietnam": "Viet Nam", "Russia": "Russian Federation",
    "Turkey": "Türkiye", "Czechia": "Czech Republic", "Iran": "Iran (Islamic Republic of)",
    "Islamic Republic of Iran": "Iran (Islamic Republic of)", "Syria": "Syrian Arab Republic",
    "United Republic of Tanzania": "Tanzania", "United States of America": "United States",
    "Republic of Rwanda": "Rwanda", "Kingdom of Thailand": "Thailand",
}  # fmt: skip


def _with_aliases(countries: dict[str, Venue]) -> dict[str, Venue]:
    aliases = {_fold(a): countries[_fold(c)] for a, c in _COUNTRY_ALIASES.items()}
    return {**countries, **aliases}


COUNTRIES = _with_aliases(_countries())
_COUNTRY = "(" + "|".join(re.escape(n) for n in sorted(COUNTRIES, key=len)[::-1]) + r")(?!\w)"
# a country as the place: after "in", or right before the days ("..., Barbados, 8 February
# 2012", "Hastings, Barbados on Wednesday, 8 February 2012")
_COUNTRY_RE = re.compile(
    rf"\bin\s+(?:the\s+)?{_COUNTRY}|(?:^|(?<=[,;(\n])\s*){_COUNTRY}(?=\s*,?\s*(?:on\s+)?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s*,?\s*)?(?:from\s+)?\d{1,2}\b)"
)


def find_countries(text: str) -> list[tuple[int, int, Venue]]:
    """Where `text` names a country alone as the place ("to be held ... in Bahrain")."""
    folded = "".join((_fold(c) or " ")[:1] for c in text)
    found = []
    for m in _COUNTRY_RE.finditer(folded):
        group = 1 if m[1] else 2
        found.append((m.start(group), m.end(group), COUNTRIES[m[group]]))
    return found
