"""Made-up names for demo case logs, in the scripts clients' names really arrive in.

Russian, Tajik and Kyrgyz Cyrillic, Uzbek Latin (``oʻ``/``gʻ`` with U+02BB) and Turkmen
Latin. Combinations of these common names belong to no one in particular; every record made
from them is flagged ``made_up``.
"""

from __future__ import annotations


def _w(words: str) -> list[str]:
    return words.split()


# (surnames, male given names, female given names) per script
RUSSIAN = (
    _w(
        "Каримов Рахимов Юсупов Алиев Исмаилов Хасанов Абдуллаев Назаров Саидов Турсунов Мирзоев "
        "Шарипов Ходжаев Султанов Ибрагимов Усманов Носиров Эргашев Файзуллаев Рашидов Холматов "
        "Латипов Мухаммадиев Бобоев Зокиров"
    ),
    _w(
        "Алишер Рустам Фаррух Бахтиёр Шерзод Тимур Жасур Дильшод Улугбек Азамат Данияр Руслан "
        "Сардор Фарход Акмал Ильхом"
    ),
    _w("Дильноза Гульнара Зарина Малика Нилуфар Шахноза Мадина Фарида Севара Нодира Камола Лола"),
)
TAJIK = (
    _w(
        "Раҳимов Қодиров Шарифзода Ҷӯраев Ҳасанов Ғафуров Сафаров Назарзода Раҳмонов Давлатов "
        "Зиёев Ашуров Ҳамидов Қурбонов Ёқубов Мирзозода Бобоҷонов Файзиев"
    ),
    _w("Ҷамшед Фирӯз Раҳматулло Ҳусейн Бахтовар Далер Искандар Меҳроҷ Сӯҳроб Шоҳин Парвиз Ҳасан"),
    _w("Фирӯза Меҳрангез Зарина Ҳамида Шаҳло Гулноза Нигина Манижа Садбарг Тоҳира"),
)
KYRGYZ = (
    _w(
        "Асанбеков Өмүрбеков Токтогулов Жээнбеков Сыдыков Түгөлбаев Абдыкеримов Кенжебаев "
        "Мамытов Үсөнов Осмонов Бөкөнбаев Сүйүнбаев Качкынбаев"
    ),
    _w("Нурлан Бакыт Эрлан Азамат Үмөт Чыңгыз Талант Улан Мирлан Бекжан Нурбек"),
    _w("Айгүл Жылдыз Нургүл Айпери Бүбүсара Гүлнара Чолпон Эльмира Мөлдүр Сезим"),
)
UZBEK = (
    _w(
        "Oʻrinboyev Toʻxtayev Gʻulomov Yoʻldoshev Qodirov Xolmatov Sobirov Ergashev Nurmatov "
        "Oʻktamov Shoʻxratov Gʻaniyev Rahimov Karimov Toʻychiyev Qoʻchqorov Soʻfiyev"
    ),
    _w("Gʻayrat Oʻtkir Shoʻhrat Jasur Sardor Bekzod Doniyor Oybek Gʻofur Oʻlmas Toʻlqin Xurshid"),
    _w(
        "Oʻgʻiloy Gulnoza Dilnoza Shahnoza Nodira Feruza Maftuna Oʻlmasxon Gʻuncha Moʻtabar Zulfiya"
    ),
)
TURKMEN = (
    _w("Amanow Berdiýew Çaryýew Annaýew Öwezow Hojaýew Gurbanow Saparow Orazow"),
    _w("Myrat Serdar Döwlet Batyr Merdan Ýusup Atamyrat"),
    _w("Aýgül Jeren Maýsa Bahar Ogulgerek Leýla Enejan"),
)
KAZAKH = (
    _w("Нұрланов Әбдіров Қасымов Жұмабаев Серікбаев Оспанов Төлеуов"),
    _w("Нұрлан Ерлан Асқар Бауыржан Дәурен Арман"),
    _w("Әйгерім Гүлнар Жанар Айгүл Мөлдір Динара"),
)

# citizenship: weight, dialing code, local digits, (script tables and their weights)
CITIZENSHIPS = {
    "UZ": (40, "998", 9, ((UZBEK, 6), (RUSSIAN, 4))),
    "TJ": (25, "992", 9, ((TAJIK, 7), (RUSSIAN, 3))),
    "KG": (20, "996", 9, ((KYRGYZ, 8), (RUSSIAN, 2))),
    "KZ": (8, "7", 10, ((KAZAKH, 6), (RUSSIAN, 4))),
    "TM": (7, "993", 8, ((TURKMEN, 8), (RUSSIAN, 2))),
}
LANGUAGES = {"UZ": "uz", "TJ": "tg", "KG": "ky", "KZ": "kk", "TM": "tk"}
DESTINATIONS = (("RU", 60), ("KZ", 22), ("TR", 6), ("KR", 5), ("AE", 4), ("DE", 3))
COUNSELLORS = ("Counsellor A", "Counsellor B", "Counsellor C", "Counsellor D", "Counsellor E")
NOTES = (
    "Made-up record for training.",
    "Made-up: works on a construction site, employer keeps the passport.",
    "Made-up: asked about the registration deadline after arrival.",
    "Made-up: wages unpaid for two months.",
    "Made-up: wants to bring the family over.",
    "Made-up: lost the migration card.",
)
SUMMARIES = (
    "Explained the registration deadline and where to register.",
    "Went through the stay limit and the latest lawful exit date.",
    "Discussed the work licence (patent) and its monthly payment.",
    "Talked through how to claim unpaid wages.",
    "Gave contacts of a legal aid organisation.",
    "Explained what an entry ban means and how to check for one.",
)
FOLLOW_UPS = (
    "Call back about the registration",
    "Check that the work licence was paid",
    "Remind: leave before the stay limit",
    "Ask whether the employer returned the passport",
    "Send the hotline number by messenger",
)
REFERRAL_TARGETS = ("Made-up legal aid centre", "Made-up shelter", "Made-up consulate helpline")
