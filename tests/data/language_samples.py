"""Short news-style sentences, written for these tests, one per language.

The first eight are the languages the hand-written detector got wrong (Danish
called English, Serbian called Russian) or could not name at all (issue 15/16).
"""

from __future__ import annotations

SAMPLES: list[tuple[str, str]] = [
    (
        "da",
        "Regeringen vil fremlægge et nyt lovforslag om klimaet i næste uge, sagde ministeren "
        "til journalisterne efter mødet. Vi har ikke tid til at vente længere.",
    ),
    (
        "sr",
        "Влада ће следеће недеље представити нови закон о заштити животне средине, рекао је "
        "министар новинарима после састанка. Немамо више времена за чекање.",
    ),
    (
        "pl",
        "Rząd przedstawi w przyszłym tygodniu nową ustawę o ochronie klimatu, powiedział "
        "minister dziennikarzom po spotkaniu. Nie mamy już czasu na czekanie.",
    ),
    (
        "sv",
        "Regeringen kommer att lägga fram ett nytt lagförslag om klimatet nästa vecka, sade "
        "ministern till journalisterna efter mötet. Vi har inte tid att vänta längre.",
    ),
    (
        "cs",
        "Vláda příští týden předloží nový zákon o ochraně klimatu, řekl ministr novinářům po "
        "jednání. Už nemáme čas čekat, musíme jednat hned.",
    ),
    (
        "ro",
        "Guvernul va prezenta săptămâna viitoare o nouă lege privind protecția climei, a "
        "declarat ministrul jurnaliștilor după întâlnire. Nu mai avem timp de așteptat.",
    ),
    (
        "id",
        "Presiden mengatakan bahwa pemerintah sudah menyiapkan anggaran untuk membangun "
        "sekolah baru. Kami belum bisa memastikan kapan proyek itu selesai, kata juru bicara.",
    ),
    (
        "tr",
        "Hükümet gelecek hafta iklim konusunda yeni bir yasa tasarısı sunacak, dedi bakan "
        "toplantıdan sonra gazetecilere. Artık beklemeye vaktimiz yok.",
    ),
    (
        "en",
        "The government will present a new climate bill next week, the minister told "
        "reporters after the meeting. We do not have time to wait any longer.",
    ),
    (
        "fr",
        "Le gouvernement présentera la semaine prochaine un nouveau projet de loi sur le "
        "climat, a déclaré le ministre aux journalistes. Nous n'avons plus le temps d'attendre.",
    ),
    (
        "de",
        "Die Regierung wird nächste Woche ein neues Klimagesetz vorlegen, sagte der Minister "
        "nach dem Treffen den Journalisten. Wir haben keine Zeit mehr zu warten.",
    ),
    (
        "es",
        "El gobierno presentará la próxima semana un nuevo proyecto de ley sobre el clima, "
        "dijo el ministro a los periodistas. No tenemos más tiempo para esperar.",
    ),
    (
        "it",
        "Il governo presenterà la prossima settimana un nuovo disegno di legge sul clima, ha "
        "detto il ministro ai giornalisti. Non abbiamo più tempo per aspettare.",
    ),
    (
        "pt",
        "O governo vai apresentar na próxima semana um novo projeto de lei sobre o clima, "
        "disse o ministro aos jornalistas. Não temos mais tempo para esperar.",
    ),
    (
        "nl",
        "De regering komt volgende week met een nieuw wetsvoorstel over het klimaat, zei de "
        "minister na afloop tegen journalisten. We hebben geen tijd meer om te wachten.",
    ),
    (
        "ru",
        "Правительство на следующей неделе представит новый законопроект о климате, заявил "
        "министр журналистам после встречи. У нас больше нет времени ждать.",
    ),
    (
        "uk",
        "Уряд наступного тижня представить новий законопроєкт про клімат, заявив міністр "
        "журналістам після зустрічі. Ми більше не маємо часу чекати.",
    ),
    (
        "el",
        "Η κυβέρνηση θα παρουσιάσει την επόμενη εβδομάδα ένα νέο νομοσχέδιο για το κλίμα, "
        "δήλωσε ο υπουργός στους δημοσιογράφους. Δεν έχουμε άλλο χρόνο να περιμένουμε.",
    ),
    (
        "ar",
        "ستقدم الحكومة الأسبوع المقبل مشروع قانون جديدا بشأن المناخ، كما قال الوزير "
        "للصحفيين بعد الاجتماع. لم يعد لدينا وقت للانتظار.",
    ),
    (
        "he",
        "הממשלה תציג בשבוע הבא הצעת חוק חדשה בנושא האקלים, אמר השר לעיתונאים לאחר "
        "הפגישה. אין לנו עוד זמן לחכות.",
    ),
    (
        "ja",
        "政府は来週、気候に関する新しい法案を提出すると、大臣は会合の後で記者団に語った。"
        "もう待つ時間はありません。",
    ),
    (
        "ko",
        "정부는 다음 주에 기후에 관한 새 법안을 제출할 것이라고 장관이 회의 후 기자들에게 "
        "말했다. 우리는 더 이상 기다릴 시간이 없습니다.",
    ),
]
