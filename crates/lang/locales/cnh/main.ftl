# NEEDS REVIEW BY A NATIVE SPEAKER: written without a Hakha Chin speaker, from the English source,
# the Laiholh wording of Mozilla Common Voice and its Laiholh sentence collection.
# SMS Up replies in Hakha Chin (Laiholh), Latin script. Every reply must fit in ONE SMS (160 GSM-7
# characters) for list names up to 24 characters, names up to 20 and 3-digit numbers: tests check it.
# Spelling: plain ASCII letters only, so that every reply stays GSM-7 (160 characters). The letter
# t with a dot below is written "tt" (ttial, tthan), as on phones without it; no apostrophes.
# Laiholh has no plural forms: "mi 1", "mi 120" (CLDR cnh: other only).
# Command words: keywords.txt (LUT, CHUAK, SER, DINH...). `-short` wordings are for a list name in
# another script (then the SMS is UCS-2, 70 characters).
# A reviewer should check: "bu" for a list (group); "zohkhenhtu" for an admin and "ngeitu" for the
# owner; "member" (loanword) for a member; "sawmnak" for an invitation; "tahchunhnak" for "example";
# "an khap" for "the networks block"; "a dinh rih lai" for "they pause"; whether "ding:" (To join:
# LUT x) reads naturally before an instruction; and that every reply is polite enough.

help = SMS Up: SER bu, LUT bu, CHUAK bu, KABU, THEIH bu, KAMIN Biak. Kuat ding: bu cakuat. BAWMH LUT nih LUT a fianter. Zeizong dinh: DINH
unknown-command = A sullam a fiang lo. Kuat duh ahcun bu min in thok: inn Na dam maw. Hman ning zoh duh ahcun BAWMH tiah kuat.
empty = SMS Up hman ning zoh duh ahcun BAWMH tiah kuat.

created = Bu { $list } ser a si cang. Midang lut ding: LUT { $list }. Kuat ding: { $list } na cakuat
created-short = Ser a si cang. Lut ding: LUT { $list }
created-announce = Thawngthanh bu { $list } ser a si cang: nangmah le zohkhenhtu lawng nih an kuat kho. Lut ding: LUT { $list }
created-announce-short = Thawngthanh bu ser a si cang. Lut ding: LUT { $list }
list-taken = { $list } min cu midang nih an hman cang. Min dang thim.
list-name-invalid = Bu min cu cafang asiloah nambar 2-24 a si, space a um lo. Tahchunhnak: SER inn
list-name-reserved = { $list } cu SMS Up nih a hmanmi biafang a si. Min dang thim.
unknown-list = { $list } timi bu a um lo. Ca ttial ning zoh tthan.
need-list = Bu min chap, tahchunhnak: { $command } inn
announce-usage = Zohkhenhtu lawng nih an kuat khawhmi bu ser ding: SER { $list } THAWNGTHANH
limit-lists = Nihin ah bu { $max } na ser cang. Thaizing ah i zuam tthan.
limit-invites = Atu ah sawmnak { $max } na kuat cang. A hnu ah i zuam tthan.
declined = { $list } sawmnak kan in kuat ti lai lo.
no-invitation = Leh ding sawmnak na ngei lo. Hman ning zoh duh ahcun BAWMH tiah kuat.

joined = { $list } ah na lut cang. Kuat ding: { $list } na cakuat. Chuak ding: CHUAK { $list }
joined-short = Na lut cang. Kuat ding: { $list } na cakuat
already-member = { $list } ah na um cang.
left = { $list } in na chuak cang. Lut tthan ding: LUT { $list }
not-member = { $list } ah na um lo. Lut ding: LUT { $list }

post-sent = { $segments ->
    [1] Mi { $count } sin ah kuat a si.
   *[other] Mi { $count } sin ah kuat a si, pakhat cio SMS { $segments }.
}
post-empty = Bu min hnu ah na cakuat ttial: { $list } na cakuat
post-announce-only = { $list } ah zohkhenhtu lawng nih an kuat kho.
post-too-long = A sau tuk: SMS { $segments }. A tam bik { $max } a si. A tawi deuh in ttial.
post-sender-limit = Hi nazi chung ah cakuat { $max } na kuat cang. A hnu ah i zuam tthan.
post-list-limit = Nihin ah { $list } nih SMS a kuat khawh zat a phan cang. Thaizing ah i zuam tthan.

lists = Na bu: { $lists }
lists-none = Bu ah na um lo. Lut ding: LUT bu min

name-set = Cakuat ah na min cu atu { $alias } a si.
name-invalid = Min cu cafang 1-20 a si, # le phone nambar le a lang lomi ca telh lo. Tahchunhnak: KAMIN Biak
name-taken = Cu min le member dang min aa lo. Min dang thim.

info = { $list }: mi { $count }, { $mode ->
        [announce] zohkhenhtu lawng nih an kuat kho
       *[open] mi kip nih an kuat kho
    }. Nangmah: { $role ->
        [owner] ngeitu
        [admin] zohkhenhtu
        [member] member
       *[none] member na si lo
    }.

invite-sent = { $list } sawmnak kuat a si, cu nambar nih SMS a hmuh khawh ahcun.
invite = SMS bu { $list } ah sawm na si. Lut duh ahcun LUT { $list } tiah leh. Sawmnak duh lo: DUHLO { $list }
# The invitation when the list name is in another script (the reply is then UCS-2, 70 characters):
# one mention of the name; a bare DUHLO refuses the latest invitation.
invite-short = SMS bu sawmnak: LUT { $list } asiloah DUHLO
invalid-number = Cu cu phone nambar a hmaanmi a si lo. Tahchunhnak: CHAP { $list } 01X XXX XXXX
added-by-org = SMS bu { $list } ah an in chap. Chuak ding: CHUAK { $list }. Zeizong dinh ding: DINH

not-admin = { $list } ngeitu asiloah zohkhenhtu lawng nih an tuah kho.
not-owner = { $list } ngeitu lawng nih zohkhenhtu a thim kho.
member-not-found = { $list } ah { $who } timi member a um lo. An cakuat ah a langmi min asiloah # nambar hman.
member-ambiguous = { $who } timi member an tam. An cakuat ah a langmi # nambar hman.
cannot-remove-owner = { $list } ngeitu cu hlonh khawh a si lo.
cannot-remove-admin = { $list } ngeitu lawng nih zohkhenhtu a hlonh kho.
admin-is-owner = { $who } cu { $list } ngeitu a si cang.
owner-cannot-leave = { $list } ngeitu na si caah na chuak kho lo. SMS zeizong dinh ding: DINH
removed = { $who } cu { $list } in hlonh a si.
you-were-removed = { $list } in an in hlonh.
admin-made = { $who } cu atu { $list } zohkhenhtu a si.
you-are-admin = Atu { $list } zohkhenhtu na si. Member na CHAP kho, na HLONH kho.

stopped = SMS Up in SMS na hmu ti lai lo. Na kir duh ahcun HRAMTHOK tiah kuat.
help-stopped = SMS Up SMS zeizong na dinh cang. SMS hmuh tthan na duh ahcun HRAMTHOK tiah kuat.
started = Na kir tthan caah kan i lawm. SMS na hmu tthan lai. Hman ning zoh duh ahcun BAWMH tiah kuat.

lang-set = Atu in Laiholh in kan in leh lai.
lang-choices = HOLH le code kuat: en English, ms Melayu, my Kawl, fa Farsi/Dari, ar Arabic, so Somali, ur Urdu, ta Tamil, ps Pashto, cnh Laiholh, rhg Rohingya

# Carrier content rules (Malaysia): a post that the networks would block is not relayed. Never write a
# phone number, a link, or the words the networks block (PIN, password, IC number...) in these
# replies: the networks would block the reply too.
carrier-my-phone = { $list } ah kuat a si lo: Malaysia network nih phone nambar a ngeimi SMS an khap, cucaah ahohmanh nih an hmu lai lo. Nambar lo in kuat tthan.
carrier-my-link = { $list } ah kuat a si lo: Malaysia network nih link a ngeimi SMS an khap, cucaah ahohmanh nih an hmu lai lo. Link lo in kuat tthan.
carrier-my-personal = Kuat a si lo: Malaysia network nih mi pakhat kong (ID ca, thuhmi code) a halmi SMS an khap, cucaah ahohmanh nih an hmu lai lo. Adang in ttial.

# FONT: how Burmese (Kawl ca) is sent to this member ($font is Zawgyi or Unicode, written as is).
font-set = Kawl ca cu { $font } in kan in kuat lai. Thlen ding: CAFANG ZAWGYI asiloah CAFANG UNICODE
font-usage = Na phone ah Kawl ca a lan ning thim ding: CAFANG ZAWGYI asiloah CAFANG UNICODE

# MOVE (THLEN): a member's lists go to their new number. No reply ever shows either number.
move-usage = Na bu pawl nambar thar ah thlen ding: hi phone in THLEN le nambar thar kuat. Phone thar nih code a hmu lai.
move-code-sent = Na nambar thar ah code kuat a si. Phone thar in nazi 24 chung ah THLEN le code kuat.
move-request = Mi pakhat nih an SMS Up bu pawl hi nambar ah thlen an hal. Nangmah na si ahcun nazi 24 chung ah THLEN { $code } tiah kuat. Na si lo ahcun zoh hlah.
move-done = A dih cang: na bu pawl, na min le na holh cu atu hi nambar ah an um. Na bu zoh duh ahcun KABU tiah kuat.
move-done-old = Na SMS Up bu pawl cu na nambar thar ah thlen an si. Hi nambar ah zeihmanh kan kuat ti lai lo.
move-bad-code = Cu code cu a palh asiloah a caan a liam cang. Na phone hlun in THLEN le hi nambar kuat tthan.
limit-moves = Nihin ah na bu pawl thlen voi { $max } na hal cang. Thaizing ah i zuam tthan.

# Re-confirmation: a member silent for long whose messages stopped being delivered ($days: days to answer).
reconfirm = SMS Up: na um rih maw? Na bu pawl hmuh peng na duh ahcun HRAMTHOK tiah kuat. Ni { $days } chung ah na leh lo ahcun a dinh rih lai (zeihmanh hlonh a si lai lo).

# Bu himnak.
created-private = Bu hrimhrim { $list } ser a si: LUT { $list } in an hal, nangmah asiloah zohkhenhtu nih SIANG asiloah SIANLO.
created-private-short = Bu hrimhrim ser a si. Hal: LUT { $list }
info-private = { $list } cu bu hrimhrim a si. Lut hal: LUT { $list }
join-requested = { $list } i lut na halnak cu zohkhenhtu sinah kuat a si. An leh tikah SMS na hmuh lai.
join-request = { $who } nih { $list } lut a hal. Lut ter: SIANG { $label } Lut ter lo: SIANLO { $label }
join-denied = { $list } i lut na halnak cu an cohlan lo.
approved = { $who } nih { $list } a lut.
denied = { $who } nih { $list } a lut lai lo.
no-request = { $who } sinin halnak a um lo. Halnak i # nambat hman.
request-which-list = Bu tampi ah { $who } halnak a um. Bu min chim: SIANG bumin { $who }
banned = { $label } cu { $list } in hlonh a si i a kir kho ti lo. Phiat: KHAMLO { $list } { $label }
unbanned = { $label } nih { $list } a lut kho than.
owner-only = { $list } neitu lawng nih a tuah kho.
owner-made = { $who } cu { $list } neitu a si cang. Nangmah cu zohkhenhtu na si.
you-are-owner = { $list } neitu na si cang. Mi CHAP, HLONH le ZOHKHENHTU na tuah kho, NEITU in pek kho.
need-who = { $list } hnu ah member min asiloah # nambat ttial.
help-sent = Na ca cu { $list } a tuahtu sinah kuat a si. An leh cu hi nambat ah a ra lai.
help-request = Bawmhnak hal { $code } { $list } ah (LETH { $code } ca, asiloah PHUAN { $code } mi vialte):
help-limit = Hi suimilam chung { $list } ah ca na kuat khawh mi ({ $max }) a tling cang. Hngak.
list-unattended = Atu ah { $list } aa lehnak khawh mi an um lo, na ca cu kuat a si lo. Hnu ah zuam tthan.
help-unknown = Na bu ah bawmhnak hal { $code } a um lo.
reply-empty = Code hnu ah na leh ttial: LETH { $code } na leh
help-replied = { $code } na leh cu kuat a si.
help-shared-head = [{ $list }] bawmhnak hal:
help-shared = Bawmhnak hal { $code } cu { $list } mi vialte sinah kuat a si.
outside-off = { $list } lengmi nih zohkhenhtu sinah an ttial kho ti lo.
outside-on = { $list } lengmi nih zohkhenhtu sinah an ttial kho than.
outside-usage = LENG { $list } OFF nih lengmi ca a dinh; LENG { $list } ON nih a siang.

forget-confirm = Na nambat, min, bu le ca vialte phiat dingah minit 10 chungah PHIAT { $code } tiah leh.
forgotten = A dih cang: na nambat le na ca phiat an si. HRAMTHOK na kuat hlan SMS Up in zeihmanh a ra ti lai lo.
forget-bad-code = Cu code cu a palh asiloah a tlai cang. Zeizong phiat dingah PHIAT kuat than.

# Private messages between members.
dm-private = (mahte):
dm-sent = { $who } sinah { $list } ah na ca mahte cu kuat a si.
dm-off = { $list } ah ca mahte kuat khawh a si lo.
dm-set-off = { $list } member pawl nih ca mahte an i kuat kho ti lo.
dm-set-on = { $list } member pawl nih ca mahte an i kuat kho tthan.
dm-usage = CATHUP { $list } OFF nih ca mahte a dinh; CATHUP { $list } ON nih a siang.
to-usage = Ca mahte kuat ding: KUAT { $list } min-asiloah-#nambar na ca
limit-dm = Hi suimilam chung ca mahte { $max } na kuat cang. Hngak.
blocked = { $who } nih ca mahte an in kuat kho ti lo. Phiat: DAWN { $label } OFF
unblocked = { $who } nih ca mahte an in kuat kho tthan.
block-not-found = Na bu pawl ah { $who } timi an um lo. An ca ah a langmi # nambar hman.
block-which-list = Na bu tampi ah { $who } an um. Bu min chim: DAWN bumin { $who }

# Closing a list.
delete-confirm = { $list } khar dingmaw le a member pawl chim dingah, minit 10 chungah KHAR { $list } { $code } ti in lehnak pe.
delete-bad-code = Cu code cu a palh asiloah a dong cang. { $list } khar ding ah KHAR { $list } ti in kuat tthan.
list-deleted = { $list } khar a si cang i a member pawl chim an si cang. Ni 30 chung min hi ahohmah nih an lak kho lai lo.
list-closed = { $list } cu a neitu nih a khar cang. Hi in zeihmanh na hmu ti lai lo.

# Held posts.
moderate-on = { $list } member pawl ca cu zohkhenhtu nih an siang hlan an hngak lai.
moderate-off = { $list } member pawl nih a hmaan in an kuat kho tthan.
moderate-usage = ZOH { $list } ON nih member ca a hngakter; ZOH { $list } OFF nih a dinh.
post-held = { $list } ah na ca cu zohkhenhtu siannak a hngak.
held-post = Ca { $code } { $list } ah a hngak (SIANG { $code } asiloah SIANLO { $code }):
held-approved = Ca { $code } cu { $list } ah kuat a si.
held-rejected = Ca { $code } cu kuat a si lo.
held-unknown = Na bu pawl ah a hngakmi ca { $code } a um lo.
post-approved = { $list } ah na ca cu siang a si i kuat a si.
post-rejected = { $list } ah na ca cu siang a si lo.

# BAWMH <command>: command pakhat a fiantertu SMS pakhat.
usage-help = BAWMH nih command a langhter. BAWMH le command pakhat nih a fianter, tahchunhnak: BAWMH LUT
usage-create = SER bu: na bu ser. MAHTE chap: nangmah nih mi na lut ter. THAWNGTHANH chap: nangmah le zohkhenhtu lawng nih an kuat.
usage-announce = SER bu THAWNGTHANH: nangmah le zohkhenhtu lawng nih an kuat khawhmi bu.
usage-join = LUT bu: bu ah lut. Kuat ding: bu na ca. Chuak ding: CHUAK bu
usage-leave = CHUAK bu: cu bu in zeihmanh na hmu ti lai lo. Zeizong dinh: DINH
usage-lists = KABU: na um nak bu pawl a langhter.
usage-name = KAMIN Biak: na ca ah langmi na min. Member pawl nih na nambar an hmu lo.
usage-info = THEIH bu: member zeizat an um, ahokhi nih an kuat kho le na rian.
usage-add = CHAP bu nambar: mi pakhat sawm (neitu le zohkhenhtu). LUT bu ti in an lut lai.
usage-remove = HLONH bu ahohmanh: member hlonh (neitu le zohkhenhtu). An lut tthan kho; KHAM nih a kham.
usage-admin = ZOHKHENHTU bu ahohmanh: member zohkhenhtu ah ser. Neitu lawng nih a tuah kho.
usage-start = HRAMTHOK: SMS Up in SMS na hmu tthan lai (DINH na kuat hnu ah).
usage-lang = HOLH le code: lehnak holh, tahchunhnak: HOLH cnh. HOLH lawng nih code pawl a langhter.
usage-no = DUHLO bu: cu bu sawmnak le a hnu sawmnak pawl na duh lo. DUHLO lawng nih a hnuhnung bik a hnawl.
usage-private = SER bu MAHTE: nangmah asiloah zohkhenhtu nih SIANG an ti hnu lawngah mi an lut kho.
usage-approve = SIANG #nambar: lut a halmi kha lut ter (#nambar cu halnak ah a um). SIANG P12 nih a hngakmi ca a kuat.
usage-deny = SIANLO #nambar: halnak hnawl. SIANLO P12 nih a hngakmi ca a hnawl.
usage-ban = KHAM bu ahohmanh: member hlonh i a nambar zungzal in kham. Phiat ding: KHAMLO bu #nambar
usage-unban = KHAMLO bu #nambar: khammi cu bu ah a lut kho tthan lai.
usage-owner = NEITU bu ahohmanh: na bu member dang pek. Nangmah zohkhenhtu na si ko lai.
usage-reply = LETH H7 na lehnak: bu leng in bawmh a halmi H7 sinah a phan. Na nambar ahohmanh nih an hmu lo.
usage-share = PHUAN H7: bawmh halnak H7 ca member vialte sinah kuat, a kuatu min lo in.
usage-outside = LENG bu OFF nih lengmi ca a dinh (neitu); LENG bu ON nih a siang.
usage-forget = PHIAT: na nambar, na min, na bu le na ca pawl zungzal in phiat. Hngalhnak code na hmu lai.
usage-to = KUAT bu ahohmanh na ca: member pakhat sinah mahte in kuat (min asiloah #nambar). Nambar ahohmanh nih an hmu lo.
usage-block = DAWN #nambar: cu mi ca mahte na hmu ti lai lo. Phiat ding: DAWN #nambar OFF
usage-dm = CATHUP bu OFF nih member pawl ca mahte a dinh (neitu); CATHUP bu ON nih a siang.
usage-delete = KHAR bu: na bu zungzal in khar (neitu lawng). Hngalhnak code na hmu lai.
usage-moderate = ZOH bu ON nih member ca zohkhenhtu nih a siang hlan a hngakter; ZOH bu OFF nih a dinh.

# RALRIN: himnak ralrinnak, zeizong hlanah.
alert-sent = Ralrinnak { $code } cu { $list } member { $count } sinah kuat a si. Remh ding: REMH { $code } na ca
alert-test-sent = TEST ralrinnak cu { $list } member { $count } sinah kuat a si. A taktak: RALRIN { $list } na ca
alert-not-allowed = { $list } neitu, zohkhenhtu le thawngthatu lawng nih ralrinnak an kuat kho.
alert-empty = Bu min hnu ah ralrinnak ttial: RALRIN { $list } na ca
alert-limit = { $list } nih suimilam khat chungah ralrinnak { $max } a kuat cang, a tam bik. Hngak tuk.
reporter-made = { $who } nih atu { $list } ah ralrinnak a kuat kho cang.
reporter-removed = { $who } nih { $list } ah ralrinnak a kuat kho ti lo.
you-are-reporter = Atu { $list } ah ralrinnak na kuat kho cang, ttihnung taktak lawngah: RALRIN { $list } na ca
you-are-no-reporter = { $list } ah ralrinnak na kuat kho ti lo.
usage-alert = RALRIN bu na ca: member vialte voikhat ah ralrin (neitu, zohkhenhtu, thawngthatu). RALRIN bu TEST na ca: zohchunhnak.
usage-reporter = THAWNGTHATU bu ahohmanh: member nih ralrinnak kuat a siang (neitu le zohkhenhtu); THAWNGTHATU bu ahohmanh OFF nih a lak tthan.
correct-sent = { $code } remhnak cu a hmumi vialte sinah kuat a si; a hngakmi { $code } cu phiat a si.
correct-unknown = Remh awk na ralrinnak { $code } a um lo.
correct-empty = Code hnu ah remhnak ttial: REMH { $code } na ca
usage-correct = REMH A12 na ca: ralrinnak A12 a hmumi vialte sinah remhnak kuat; a hngakmi cu phiat (a kuatu, neitu, zohkhenhtu).
alert-status = Ralrinnak { $code }: { $total } lakah { $delivered } an hmu, { $failed } a tlau, { $expired } a liam, { $waiting } lam ah a um, a kuat hnu minit { $minutes }.
alert-unknown = Na ralrinnak { $code } a um lo.
usage-status = DIRHMUN A12: ralrinnak A12 zeizat a phan: an hmu, a tlau, a liam, lam ah a um (a kuatu, neitu, zohkhenhtu).
alert-waiting = Ralrinnak { $code } cu { $list } ah zohkhenhtu dang asiloah neitu OK a hngak; an hmu cang. Minit { $minutes } hnu ah kuat a si lai lo.
alert-confirm-ask = Ralrinnak { $code } cu { $list } ah na OK a hngak (OK { $code } nih a kuat):
alert-confirm-self = Zohkhenhtu dang asiloah neitu nih OK in { $code } an kuat lai, a kuatu nih si lo.
alert-confirm-late = Ralrinnak { $code } cu minit { $minutes } leng a hngak i kuat a si lo.
alert-confirmed = Na ralrinnak { $code } cu fehter a si i { $list } member { $count } sinah kuat a si.
alert-rule-confirm = { $list } ralrinnak vialte nih zohkhenhtu pahnihnak asiloah neitu OK an hngak lai. Kirnak: ALERTS { $list } DIRECT
alert-rule-direct = { $list } ralrinnak cu OK pahnihnak um loin cawlcang ah an kal lai.
alert-rule-needs-admin = A hmasa ah { $list } zohkhenhtu pahnihnak ser (ZOHKHENHTU { $list } aho): ahi nih ralrinnak a fehter lai.
alert-no-confirmer = { $list } ralrinnak nih zohkhenhtu pahnihnak OK a herh, an um lo. Neitu: ZOHKHENHTU asiloah ALERTS { $list } DIRECT
usage-alerts = ALERTS bu CONFIRM: ralrinnak vialte nih zohkhenhtu pahnihnak OK an hngak; ALERTS bu DIRECT: cawlcang (neitu).
usage-ok = OK A12 nih na OK a hngak mi ralrinnak A12 a kuat (zohkhenhtu dang asiloah a bu neitu).
checkin-how = Na himhim ahcun 1, bawmhnak na herh ahcun 2 in let.
checkin-sent = Hlatnak { $code } cu { $list } member { $count } sinah kuat a si. Suimilam 24 chung leh: RESULTS { $code }
checkin-safe = Ka lawm: { $list } ah na himhim tiah relchih na si.
checkin-help = { $who } nih hlatnak { $check } ah 2 (bawmhnak a herh) a let.
checkin-results = { $code }: { $safe } an himhim, { $help } bawmhnak an herh, { $silent } an let lo.
checkin-unknown = Na bu chungah hlatnak { $code } a um lo.
checkin-empty = Bu min hnu ah biahalnak ttial: CHECK { $list } na biahalnak
checkin-not-allowed = { $list } neitu le zohkhenhtu lawng nih hlatnak an kuat kho.
checkin-limit = { $list } nih suimilam khat chungah ralrinnak le hlatnak { $max } a kuat cang, a tam bik. Hngak tuk.
usage-check = CHECK bu biahalnak: member vialte himhim ahcun 1, bawmhnak herh ahcun 2 in an let lai (neitu le zohkhenhtu).
usage-results = RESULTS C3: hlatnak C3 lehnak: an himhim, bawmhnak an herh, an let lo (neitu le zohkhenhtu).
