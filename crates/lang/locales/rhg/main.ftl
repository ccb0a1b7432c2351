# NEEDS REVIEW BY A NATIVE SPEAKER: written without a Rohingya speaker, from the English source and
# published Rohingyalish (Ruáingga Latin) word lists and dictionaries.
# SMS Up replies in Rohingya, Rohingyalish (Latin) spelling. Every reply must fit in ONE SMS (160 GSM-7
# characters) for list names up to 24 characters, names up to 20 and 3-digit numbers: tests check it.
# Spelling: Rohingyalish writes á í ó ú and ç, which are not in the GSM 7-bit alphabet: one of them
# makes the whole SMS UCS-2 (70 characters). These replies therefore write a i o u for á í ó ú
# (tuñi for tuñí, fooñsa for foóñsa, hotha for hótha) and avoid words with ç; é and ñ are kept (they
# are GSM-7). Only lang-set writes Ruáingga in full (a short reply). keywords.txt lists both spellings.
# Plural forms (CLDR rhg here): one, other; nouns after a number do not change.
# A reviewer should check: whether the plain spellings read well; "grup" for a list; "fooñsa" /
# "fooñsai do" for send; "-ibélla" for "to (do)" (Juain goribélla: JUAIN x); "zimmadar" for an admin
# and "maalek" for the owner; "dawot" for an invitation; "ré" as object marker; "kula" for an open
# list; "bon" for stop/pause; and that every reply is polite enough.

help = SMS Up: BANA grup, JUAIN grup, NEEL grup, GRUPOKKOL, MALUMAT grup, NAM Amina. Fooñsaibélla: grup méseij. MODOT JUAIN ye JUAIN bujhae. Beggun bon: BONGOR
unknown-command = Añara buzi nofari. Fooñsaibélla grup or nam loi curu goro: gor Salam. Kengori estemal goribo dekibélla MODOT fooñsai do.
empty = SMS Up kengori estemal goribo dekibélla MODOT fooñsai do.

created = Grup { $list } toiyar oiye. Juain goribélla: JUAIN { $list }. Fooñsaibélla: { $list } tuañr méseij
created-short = Toiyar oiye. Juain: JUAIN { $list }
created-announce = Elan grup { $list } toiyar oiye: serof tuñi ar zimmadar okkol fooñsai fare. Juain: JUAIN { $list }
created-announce-short = Elan grup toiyar oiye. Juain: JUAIN { $list }
list-taken = { $list } nam foila luwagiyé. Oinno nam baso.
list-name-invalid = Grup or nam 2-24 horof ya nombor, hali zaga nai. Mesal: BANA gor
list-name-reserved = { $list } SMS Up or hukum or lofzo. Oinno nam baso.
unknown-list = { $list } nam or hono grup nai. Nam thik asé né sek goro.
need-list = Grup or nam zoma goro, mesal: { $command } gor
announce-usage = Serof zimmadar okkol fooñsai fare emon grup banaibélla: BANA { $list } ELAN
limit-lists = Aijja tuñi { $max } grup toiyar goijjo. Meherbani gori hailla abbar kucic goro.
limit-invites = Kessu din ot tuñi { $max } dawot fooñsai diyo. Meherbani gori fore abbar kucic goro.
declined = { $list } or dawot tuñi ar no faiba.
no-invitation = Zuab dibélla tuañr hono dawot nai. Kengori estemal goribo dekibélla MODOT fooñsai do.

joined = Tuñi { $list } ot juain goijjo. Fooñsaibélla: { $list } tuañr méseij. Neelibélla: NEEL { $list }
joined-short = Juain goijjo. Fooñsaibélla: { $list } tuañr méseij
already-member = Tuñi foila { $list } ot aso.
left = Tuñi { $list } ottu neeli giyo. Abbar juain goribélla: JUAIN { $list }
not-member = Tuñi { $list } or membor noo. Juain goribélla: JUAIN { $list }

post-sent = { $segments ->
    [1] { $count ->
        [one] Ekzon membor ré fooñsaiyé.
       *[other] { $count } zon membor ré fooñsaiyé.
    }
   *[other] { $count ->
        [one] Ekzon membor ré fooñsaiyé
       *[other] { $count } zon membor ré fooñsaiyé
    }, zon fisé { $segments } SMS.
}
post-empty = Grup or nam or baade tuañr méseij leko: { $list } tuañr méseij
post-announce-only = Serof zimmadar okkol { $list } ot fooñsai fare.
post-too-long = Bici lamba: { $segments } SMS. Hod { $max }. Meherbani gori baiththa goro.
post-sender-limit = Ei gondha ot tuñi { $max } méseij fooñsaiyo. Meherbani gori fore abbar kucic goro.
post-list-limit = { $list } or aijjar SMS hod fooñicce. Meherbani gori hailla abbar kucic goro.

lists = Tuañr grup okkol: { $lists }
lists-none = Tuñi hono grup ot nai. Juain goribélla: JUAIN nam

name-set = Méseij ot tuañr nam ehon { $alias }.
name-invalid = Nam 1-20 horof, # sara, fun nombor sara, luwaiya sain sara. Mesal: NAM Amina
name-taken = Yian nam oinno membor or nam or endila. Meherbani gori oinno nam baso.

info = { $list }: { $count ->
        [one] ekzon membor
       *[other] { $count } membor
    }, { $mode ->
        [announce] serof elan
       *[open] kula
    }. Tuñi: { $role ->
        [owner] maalek
        [admin] zimmadar
        [member] membor
       *[none] membor noo
    }.

invite-sent = { $list } or dawot fooñsaiyé, zodi yian nombor ot SMS zai fare.
invite = Tuañre SMS grup { $list } ot dawot diyé. Juain: JUAIN { $list } leki zuab do. Ar dawot no saile: NOO { $list }
# The invitation when the list name is in another script (the reply is then UCS-2, 70 characters):
# one mention of the name; a bare NOO refuses the latest invitation.
invite-short = SMS grup dawot: JUAIN { $list } ya NOO
invalid-number = Yian thik fun nombor noo. Mesal: ZOMA { $list } 01X XXX XXXX
added-by-org = Tuañre SMS grup { $list } ot zoma goijjé. Neelibélla: NEEL { $list }. Beggun bon goribélla: BONGOR

not-admin = Serof { $list } or maalek ya zimmadar okkol yian gori fare.
not-owner = Serof { $list } or maalek zimmadar banai fare.
member-not-found = { $list } ot { $who } nam or membor nai. Tara méseij ot aséde nam ya # nombor estemal goro.
member-ambiguous = Bici membor or nam { $who }. Tara méseij ot aséde # nombor estemal goro.
cannot-remove-owner = { $list } or maalek ré hothai nofare.
cannot-remove-admin = Serof { $list } or maalek zimmadar ré hothai fare.
admin-is-owner = { $who } foila { $list } or maalek.
owner-cannot-leave = Tuñi { $list } or maalek, toile neeli nofaro. Beggun SMS bon goribélla: BONGOR
removed = { $who } ré { $list } ottu hothai diyé.
you-were-removed = Tuañre { $list } ottu hothai diyé.
admin-made = { $who } ehon { $list } or zimmadar.
you-are-admin = Tuñi ehon { $list } or zimmadar. Tuñi membor ZOMA ar HOTHA gori faro.

stopped = Tuñi SMS Up ottu ar SMS no faiba. Abbar aibélla CURU fooñsai do.
help-stopped = Tuñi SMS Up or beggun SMS bon goijjo. Abbar SMS faibélla CURU fooñsai do.
started = Abbar tuañre barailoir. Tuñi abbar SMS faiba. Kengori estemal goribo dekibélla MODOT fooñsai do.

lang-set = Ehon zuab Ruáingga zuban ot oibo.
lang-choices = ZUBAN ar code fooñsai do: en English, ms Melayu, my Myanmar, fa Farsi/Dari, ar Arobi, so Somali, ur Urdu, ta Tamil, ps Pashto, cnh Chin, rhg Ruaingga

# Carrier content rules (Malaysia): a post that the networks would block is not relayed. Never write a
# phone number, a link, or the words the networks block (PIN, password, IC number...) in these
# replies: the networks would block the reply too.
carrier-my-phone = { $list } ot no fooñsaiyé: Malésiar network okkol fun nombor aséde SMS bon gore, toile honikka no faibo. Nombor sara abbar fooñsai do.
carrier-my-link = { $list } ot no fooñsaiyé: Malésiar network okkol link aséde SMS bon gore, toile honikka no faibo. Link sara abbar fooñsai do.
carrier-my-personal = No fooñsaiyé: Malésiar network okkol nizor maalumat (ID kaadh, luwaiya koudh) saide SMS bon gore, toile honikka no faibo. Oinno torika leko.

# FONT: how Burmese is sent to this member ($font is Zawgyi or Unicode, written as is).
font-set = Bormar lekaa tuañre { $font } ot fooñsaibo. Bodolaibélla: HOROF ZAWGYI ya HOROF UNICODE
font-usage = Tuañr fun ot Bormar lekaa kengori dahaibo basibélla: HOROF ZAWGYI ya HOROF UNICODE

# MOVE (BODOL): a member's lists go to their new number. No reply ever shows either number.
move-usage = Tuañr grup okkol noya nombor ot loijaibélla: yian fun ottu BODOL ar noya nombor fooñsai do. Noya fun ot ekkan koudh aibo.
move-code-sent = Tuañr noya nombor ot ekkan koudh fooñsaiyé. Noya fun ottu 24 gondhar butore BODOL ar koudh leki zuab do.
move-request = Honokiyo tar SMS Up grup okkol yian nombor ot loijaibélla saiyé. Tuñi oile 24 gondhar butore BODOL { $code } leki zuab do. Tuñi noo oile, félairako.
move-done = Hotom oiye: tuañr grup okkol, nam ar zuban ehon yian nombor ot asé. Grup dekibélla GRUPOKKOL fooñsai do.
move-done-old = Tuañr SMS Up grup okkol tuañr noya nombor ot loijagiyé. Yian nombor ot ar kessu no aibo.
move-bad-code = Yian koudh golot ya tar muddot hotom oiye. Furana fun ottu BODOL ar yian nombor abbar fooñsai do.
limit-moves = Aijja tuñi { $max } bar grup loijaibélla saiyo. Meherbani gori hailla abbar kucic goro.

# Re-confirmation: a member silent for long whose messages stopped being delivered ($days: days to answer).
reconfirm = SMS Up: tuñi aijo aso né? Tuañr grup okkol faibélla CURU leki zuab do. { $days ->
        [one] Ek din
       *[other] { $days } din
    } or butore zuab no dile, grup okkol bon rakibo (kessu buzai no felaibo).

# Safe lists (Rohingya in Latin letters).
created-private = Nizor grup { $list } bana hoise: manush JUAIN { $list } hoi maangibo, tui na zimmadar MANZUR na NAMANZUR goribo.
created-private-short = Nizor grup bana hoise. Maangok: JUAIN { $list }
info-private = { $list } nizor grup. Juain maangite: JUAIN { $list }
join-requested = { $list } ot tor juain maangi zimmadar olor gasot fethaigiyi. Itara zuwab dile SMS faiba.
join-request = { $who } ehon { $list } ot juain maangede. Juain goraite: MANZUR { $label } Na goraite: NAMANZUR { $label }
join-denied = { $list } ot tor juain maangi manzur na hoy.
approved = { $who } ehon { $list } ot juain goijje.
denied = { $who } ehon { $list } ot juain na goribo.
no-request = { $who } or kunu maangi nai. Maangir # nombor lekho.
request-which-list = Bout grup ot { $who } or maangi ase. Grup or nam lekho: MANZUR grupnam { $who }
banned = { $label } re { $list } ottu hothai dil, aar aite na faribo. Baatil goraite: MANAHOTHA { $list } { $label }
unbanned = { $label } abar { $list } ot juain gorit faribo.
owner-only = { $list } or malik ekkan eyan gorit fare.
owner-made = { $who } ehon { $list } or malik. Tui zimmadar.
you-are-owner = Tui ehon { $list } or malik. Tui ZOMA, HOTHA, ZIMMADAR gorit faros, MALIK lori dite faros.
need-who = { $list } or baade member or nam na # nombor lekho.
help-sent = Tor mesej { $list } or ayozokor olor gasot fethaigiyi. Itarar zuwab ei nombor ot aibo.
help-request = Modot maangi { $code } { $list } ot (ZUWAB { $code } lekha, na BAAT { $code } beggun olla):
help-limit = Ei ghonta { $list } ot mesej dibar limit ({ $max }) fura hoigiyi. Olpo ostar goro.
list-unattended = Ehon { $list } or loi zuwab dibar manush nai, tor mesej fethaa no zaar. Fore abar goro.
help-unknown = Tor grup ot modot maangi { $code } nai.
reply-empty = Code or baade zuwab lekho: ZUWAB { $code } tor zuwab
help-replied = { $code } olla tor zuwab fethaigiyi.
help-shared-head = [{ $list }] modot maangi:
help-shared = Modot maangi { $code } { $list } or beggun olla fethaigiyi.
outside-off = { $list } or baare manush zimmadar olore aar lekhit na faribo.
outside-on = { $list } or baare manush zimmadar olore abar lekhit faribo.
outside-usage = BAAR { $list } OFF baarir mesej bon gore; BAAR { $list } ON abar hulede.

forget-confirm = Tor nombor, nam, grup ar mesej beggun musi fele bolle 10 minit or bitore MUSI { $code } zuwab de.
forgotten = Hoi giyi: tor nombor ar mesej musi felaigiyi. CURU na pathaile SMS Up ottu aar kichu na aibo.
forget-bad-code = Ei code bul na mudot sesh. Beggun musibar lai abar MUSI pathao.

# Private messages between members.
dm-private = (nizor):
dm-sent = Tor nizor mesej { $who } ore { $list } ot fethai dil.
dm-off = { $list } ot nizor mesej bon ase.
dm-set-off = { $list } or membor olor nizor mesej aar na zaibo.
dm-set-on = { $list } or membor olor nizor mesej abar zaibo.
dm-usage = GOFON { $list } OFF nizor mesej bon gore; GOFON { $list } ON abar hulede.
to-usage = Nizor lekhibar loi: FETHA { $list } nam-ya-#nombor tor mesej
limit-dm = Ei ghonta tuñi { $max } nizor mesej fethaiyo. Olpo ostar goro.
blocked = { $who } aar tore nizor mesej fethai na faribo. Baatil goraite: ROKHO { $label } OFF
unblocked = { $who } abar tore nizor mesej fethai faribo.
block-not-found = Tor grup ot { $who } nam or keu nai. Tara mesej ot asede # nombor estemal goro.
block-which-list = Bout grup ot { $who } ase. Grup or nam lekho: ROKHO grupnam { $who }

# Closing a list.
delete-confirm = { $list } hamesha bon goribelle aar membor olore jana dibelle, 10 minit or bitore BONDHO { $list } { $code } zuwab de.
delete-bad-code = Ei code golot ya mead fura hoi giyi. { $list } bon goribelle abar BONDHO { $list } fetha.
list-deleted = { $list } bon hoi giyi aar membor olore janai dil. 30 din keu ei nam loi na faribo.
list-closed = { $list } re malik bon gori diyi. Itattu aar kunu mesej na aibo.

# Held posts.
moderate-on = { $list } or membor olor post ehon zimmadar or manzuri lai ostar goribo.
moderate-off = { $list } or membor ola abar sidha fethai faribo.
moderate-usage = DEKHO { $list } ON membor olor post manzuri loi rakhe; DEKHO { $list } OFF bon gore.
post-held = { $list } ot tor post zimmadar or manzuri lai ostar gorer.
held-post = Post { $code } { $list } ot ostar gorer (MANZUR { $code } ya NAMANZUR { $code }):
held-approved = Post { $code } { $list } ot fethai dil.
held-rejected = Post { $code } fetha no hoy.
held-unknown = Tor grup ot ostar gorer post { $code } nai.
post-approved = { $list } ot tor post manzur hoi fethai dil.
post-rejected = { $list } ot tor post manzur no hoy.

# MODOT <hukum>: ekkan hukum bujhai dede ekkan SMS.
usage-help = MODOT ye hukum okkol dehae. MODOT aar ekkan hukum ye hiin bujhae, mesal: MODOT JUAIN
usage-create = BANA grup: tuñar grup bana. NIZOR zoma goro: tuñi manshore juain goraiba. ELAN zoma goro: serof tuñi aar zimmadar fooñsaibo.
usage-announce = BANA grup ELAN: serof tuñi aar zimmadar okkol fooñsai fare emon grup.
usage-join = JUAIN grup: grup ot juain goro. Fooñsaibélla: grup tor méseij. Neel goribélla: NEEL grup
usage-leave = NEEL grup: oi grup ottu aar kissu na faiba. Beggun bon: BONGOR
usage-lists = GRUPOKKOL: tuñi je grup okkol ot aso hiin dehae.
usage-name = NAM Amina: tuñar post ot dekha zaibo de nam. Membor okkol tuñar nombor na dekhibo.
usage-info = MALUMAT grup: hoto membor, ke fooñsai fare aar tuñar ham.
usage-add = ZOMA grup nombor: ekzon re dawot de (malik aar zimmadar). Tara JUAIN grup zuwab dile juain goribo.
usage-remove = HOTHA grup ke: membor re hothai do (malik aar zimmadar). Tara abar juain gorifare; MANAGOR ye rokhi rakhe.
usage-admin = ZIMMADAR grup ke: membor re zimmadar banao. Serof malik ye gorifare.
usage-start = CURU: abar SMS Up ottu SMS faiba (BONGOR ar baade).
usage-lang = ZUBAN aar kod: tuñar zuban basi lo, mesal: ZUBAN rhg. Serof ZUBAN dile kod okkol dehae.
usage-no = NOO grup: oi grup or dawot aar agor dawot okkol na lo. Serof NOO dile akhiri dawot na lor.
usage-private = BANA grup NIZOR: tuñi ya zimmadar MANZUR gorile de manshe juain goriparibo.
usage-approve = MANZUR #nombor: maangede manshore juain goraiba (#nombor maangonot ase). MANZUR P12 ye wait goittede post fooñsae.
usage-deny = NAMANZUR #nombor: maangon na manzur. NAMANZUR P12 ye wait goittede post na fooñsae.
usage-ban = MANAGOR grup ke: membor re hothai, tar nombor hamesha bon. Baatil goraite: MANAHOTHA grup #nombor
usage-unban = MANAHOTHA grup #nombor: mana gora manshe abar juain goriparibo.
usage-owner = MALIK grup ke: tuñar grup ore oinno membor re dede. Tuñi zimmadar thaiba.
usage-reply = ZUWAB H7 tuñar zuwab: grup or baarottu modot maangede H7 ore fooñsibo. Tuñar nombor hono ke na dekhibo.
usage-share = BAAT H7: modot maangon H7 or lekha beggun membor ore fooñsao, fooñsaiye manshor nam sara.
usage-outside = BAAR grup OFF baarir mesej bon gore (malik); BAAR grup ON abar hulede.
usage-forget = MUSI: tuñar nombor, nam, grup aar mesej hamesha loi musi zaibo. Pokka goribelle kod faiba.
usage-to = FETHA grup ke tor mesej: ekzon membor ore nizor gori lekho (nam ya #nombor). Nombor hono ke na dekhibo.
usage-block = ROKHO #nombor: oi manshor nizor mesej aar na aibo. Baatil goraite: ROKHO #nombor OFF
usage-dm = GOFON grup OFF membor okkol or nizor mesej bon gore (malik); GOFON grup ON abar hulede.
usage-delete = BONDHO grup: tuñar grup hamesha bon gori do (serof malik). Pokka goribelle kod faiba.
usage-moderate = DEKHO grup ON zimmadar manzur na gora forjonto membor or post rakhe; DEKHO grup OFF bon gore.

# HUSIYAR: hefazot or husiyari, beggun or age.
alert-sent = Husiyari { $code } ehon { $list } or { $count } zon membor ore fooñsaiyé. Thik goribélla: THIK { $code } tor mesej
alert-test-sent = TEST husiyari { $list } or { $count } zon membor ore fooñsaiyé. Asol husiyari: HUSIYAR { $list } tor mesej
alert-not-allowed = Serof { $list } or malik, zimmadar aar khobori okkol husiyari fooñsai fare.
alert-empty = Grup or nam or baade husiyari leko: HUSIYAR { $list } tor mesej
alert-limit = { $list } ei gonta ot { $max } husiyari fooñsaiyé, beshi sob. Wait goro.
reporter-made = { $who } ehon { $list } ot husiyari fooñsai fare.
reporter-removed = { $who } aar { $list } ot husiyari na fooñsai fare.
you-are-reporter = Tuñi ehon { $list } ot husiyari fooñsai faro, serof asol khotor loi: HUSIYAR { $list } tor mesej
you-are-no-reporter = Tuñi aar { $list } ot husiyari na fooñsai faro.
usage-alert = HUSIYAR grup mesej: beggun membor ore ek loge husiyar goro (malik, zimmadar, khobori). HUSIYAR grup TEST mesej: test.
usage-reporter = KHOBORI grup ke: membor re husiyari fooñsaibar ijazot de (malik aar zimmadar); KHOBORI grup ke OFF wapas loi.
correct-sent = { $code } or thik beggun ore fooñsaiyé; { $code } or baki wait goittede bon gora hoiye.
correct-unknown = Tuñar { $code } husiyari thik goribar loi nai.
correct-empty = Kod or baade thik leko: THIK { $code } tor mesej
usage-correct = THIK A12 mesej: husiyari A12 faiye beggun ore thik fooñsao; baki wait goittede bon hoibo (fooñsaiye, malik, zimmadar).
alert-status = Husiyari { $code }: { $total } ottu { $delivered } fouñsiye, { $failed } na fouñse, { $expired } waqt shesh, { $waiting } rastat, fooñsaibar { $minutes } minit baade.
alert-unknown = Tuñar { $code } husiyari nai.
usage-status = HALOT A12: husiyari A12 hoto dur fouñsiye: fouñsiye, na fouñse, waqt shesh, rastat (fooñsaiye, malik, zimmadar).
alert-waiting = Husiyari { $code } { $list } ot arekzon zimmadar ba malik or OK or lai wait gore; tara faiyé. { $minutes } minit baade na fooñsaibo.
alert-confirm-ask = Husiyari { $code } { $list } ot tuñar OK or lai wait gore (OK { $code } fooñsaibo):
alert-confirm-self = Arekzon zimmadar ba malik { $code } OK dii fooñsaibo, fooñsaiya zon na.
alert-confirm-late = Husiyari { $code } { $minutes } minit or beshi wait goijje aar na fooñsaiyé.
alert-confirmed = Tuñar husiyari { $code } sabit goijje aar { $list } or { $count } zon membor ore fooñsaiyé.
alert-rule-confirm = { $list } or hor husiyari ehon dusra zimmadar ba malik or OK or lai wait goribo. Firot: ALERTS { $list } DIRECT
alert-rule-direct = { $list } or husiyari ehon dusra OK sara sidda zaibo.
alert-rule-needs-admin = Age { $list } or dusra zimmadar banao (ZIMMADAR { $list } hon): tei husiyari sabit goribo.
alert-no-confirmer = { $list } or husiyari ot dusra zimmadar or OK lage, aar keu nai. Malik: ZIMMADAR ba ALERTS { $list } DIRECT
usage-alerts = ALERTS grup CONFIRM: hor husiyari dusra zimmadar or OK or lai wait gore; ALERTS grup DIRECT: sidda (malik).
usage-ok = OK A12 tuñar OK or lai wait gora husiyari A12 fooñsai (arekzon zimmadar ba grup or malik).
checkin-how = Tui salamot oile 1, modot lagile 2 fatho.
checkin-sent = Khobor loa { $code } { $list } or { $count } zon membor ore fooñsaiyé. 24 gonta jawab: RESULTS { $code }
checkin-safe = Shukriya: tuñare { $list } ot salamot hisabe gona goijje.
checkin-help = { $who } khobor loa { $check } ot 2 (modot lage) jawab diye.
checkin-results = { $code }: { $safe } salamot, { $help } modot lage, { $silent } jawab nai.
checkin-unknown = Tuñar grup ot khobor loa { $code } nai.
checkin-empty = Grup or nam or baade suwal leko: CHECK { $list } tor suwal
checkin-not-allowed = Serof { $list } or malik aar zimmadar khobor loa fooñsai fare.
checkin-limit = { $list } ei gonta ot { $max } husiyari aar khobor loa fooñsaiyé, beshi sob. Wait goro.
usage-check = CHECK grup suwal: hor membor salamot oile 1, modot lagile 2 jawab dibo (malik aar zimmadar).
usage-results = RESULTS C3: khobor loa C3 or jawab: salamot, modot lage, jawab nai (malik aar zimmadar).
