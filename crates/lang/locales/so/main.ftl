# Jawaabaha SMS Up ee Af-Soomaali. Jawaab kasta waa inay ku eg tahay HAL SMS (160 xaraf GSM-7)
# magac koox ilaa 24 xaraf ah, magac xubin ilaa 20 xaraf ah iyo tiro 3 god ah: tijaabo ayaa hubisa.
# Ereyada amarrada: keywords.txt.
# Plural forms (CLDR so): one, other.

help = SMS Up: SAMEE koox, BIIR koox, BAX koox, LIISAS, XOG koox, MAGAC Cali. Dir: koox farriin. CAAWI BIIR wuu sharxaa BIIR. JOOJI: jooji dhammaan.
unknown-command = Lama fahmin. Si aad u dirto, ku bilow magaca kooxda: guri Salaan. Qor CAAWI si aad u aragto amarrada.
empty = Qor CAAWI si aad u ogaato sida loo isticmaalo SMS Up.

created = Kooxda { $list } waa la sameeyay. Dadku waxay ku biiraan: BIIR { $list }. Si aad u dirto: { $list } farriintaada
created-short = Waa la sameeyay. Ku biir: BIIR { $list }
created-announce = Kooxda ogeysiiska { $list } waa la sameeyay: adiga iyo maamulayaasha oo keliya ayaa diri kara. Ku biir: BIIR { $list }
created-announce-short = Waa la sameeyay. Ku biir: BIIR { $list }
list-taken = Magaca { $list } waa la qaatay. Dooro magac kale.
list-name-invalid = Magaca kooxdu waa 2-24 xaraf ama tiro, bannaan la'aan. Tusaale: SAMEE guri
list-name-reserved = { $list } waa eray amar. Dooro magac kale.
unknown-list = Ma jirto koox la yiraahdo { $list }. Hubi higgaadda.
need-list = Ku dar magaca kooxda, tusaale: { $command } guri
announce-usage = Si aad u samayso koox ay maamulayaasha oo keliya qoraan: SAMEE { $list } OGEYSIIS
limit-lists = Maanta waxaad samaysay { $max } kooxood. Fadlan isku day berri.
limit-invites = Dhawaan waxaad dirtay { $max } casuumaad. Fadlan isku day mar dambe.
declined = Casuumaad kale kama heli doontid { $list }.
no-invitation = Ma haysid casuumaad aad ka jawaabto. Qor CAAWI si aad u aragto amarrada.

joined = Waad ku biirtay { $list }. Si aad u dirto: { $list } farriintaada. Si aad uga baxdo: BAX { $list }
joined-short = Waad ku biirtay. Dirid: { $list } farriintaada
already-member = Horay ayaad ugu jirtay { $list }.
left = Waad ka baxday { $list }. Si aad ugu soo noqoto: BIIR { $list }
not-member = Kuma jirtid { $list }. Si aad ugu biirto: BIIR { $list }

post-sent = { $segments ->
    [1] Waxaa loo diray { $count ->
        [one] 1 xubin.
       *[other] { $count } xubnood.
    }
   *[other] Waxaa loo diray { $count ->
        [one] 1 xubin
       *[other] { $count } xubnood
    }, { $segments } SMS midkiiba.
}
post-empty = Qor farriintaada kadib magaca kooxda: { $list } farriintaada
post-announce-only = Maamulayaasha oo keliya ayaa u diri kara { $list }.
post-too-long = Aad u dheer: { $segments } SMS. Xadku waa { $max }. Fadlan soo gaabi.
post-sender-limit = Waxaad gaartay { $max } farriimood saacaddan. Fadlan isku day mar dambe.
post-list-limit = { $list } waxay gaartay xadkeeda SMS ee maalinta. Fadlan isku day berri.

lists = Kooxahaaga: { $lists }
lists-none = Kuma jirtid koox. Si aad ugu biirto: BIIR magac

name-set = Magacaaga farriimaha hadda waa { $alias }.
name-invalid = Magacu waa 1-20 xaraf, aan lahayn #, lambar telefoon ama calaamado qarsoon. Tusaale: MAGAC Amina
name-taken = Magacaas wuxuu u eg yahay magaca xubin kale. Fadlan dooro magac kale.

info = { $list }: { $count ->
        [one] 1 xubin
       *[other] { $count } xubnood
    }, { $mode ->
        [announce] ogeysiis oo keliya
       *[open] furan
    }. Adiga: { $role ->
        [owner] milkiile
        [admin] maamule
        [member] xubin
       *[none] xubin maaha
    }.

invite-sent = Casuumaadda { $list } waa la diray, haddii lambarkaas SMS heli karo.
invite = Waxaa lagugu casuumay kooxda SMS { $list }. Ku biir: BIIR { $list }. Casuumaad kale ma rabo: MAYA { $list }
# The invitation when the list name is in another script (the reply is then UCS-2, 70 characters):
# one mention of the name; a bare NO refuses the latest invitation.
invite-short = Casuumaad SMS: BIIR { $list } ama MAYA
invalid-number = Taasi maaha lambar telefoon oo sax ah. Tusaale: KUDAR { $list } 01X XXX XXXX
added-by-org = Waxaa lagugu daray kooxda SMS { $list }. Si aad uga baxdo: BAX { $list }. Si aad u joojiso dhammaan: JOOJI

not-admin = Milkiilaha ama maamulayaasha { $list } oo keliya ayaa sidaas samayn kara.
not-owner = Milkiilaha { $list } oo keliya ayaa magacaabi kara maamulayaal.
member-not-found = Xubin la yiraahdo { $who } kuma jirto { $list }. Isticmaal magaca ama lambarka # ee farriimahooda.
member-ambiguous = Xubno badan ayaa la yiraahdaa { $who }. Isticmaal lambarka # ee farriimahooda.
cannot-remove-owner = Milkiilaha { $list } lama saari karo.
cannot-remove-admin = Milkiilaha { $list } oo keliya ayaa saari kara maamule.
admin-is-owner = { $who } horeba waa milkiilaha { $list }.
owner-cannot-leave = Adiga ayaa leh { $list }, markaa kama bixi kartid. Si aad u joojiso dhammaan SMS: JOOJI
removed = { $who } waa laga saaray { $list }.
you-were-removed = Waa lagaa saaray { $list }.
admin-made = { $who } hadda waa maamule { $list }.
you-are-admin = Hadda waxaad tahay maamule { $list }. Waxaad xubno ku dari kartaa (KUDAR) ama saari kartaa (SAAR).

stopped = SMS kale kama heli doontid SMS Up. Si aad ugu soo noqoto, qor BILOW.
help-stopped = Waad joojisay dhammaan SMS-ka SMS Up. Si aad mar kale SMS u hesho, qor BILOW.
started = Ku soo dhawoow. Mar kale ayaad SMS heli doontaa. Qor CAAWI si aad u aragto amarrada.

lang-set = Jawaabaha hadda waa Af-Soomaali.
lang-choices = Dooro luqad: LUQAD en English, ms Melayu, my Myanmar, fa Farsi/Dari, ar Carabi, so Soomaali, ur Urdu, ta Tamil, ps Pashto, cnh Chin, rhg Rohingya

# Carrier content rules (Malaysia): a post that the networks would block is not relayed. Never write a
# phone number, a link, or the words the networks block (PIN, password, IC number...) in these
# replies: the networks would block the reply too.
carrier-my-phone = Looma dirin { $list }: shabakadaha Malaysia waxay xannibaan SMS lambar telefoon leh, markaa qofna ma heli doono. Dib u dir lambarka la'aantiis.
carrier-my-link = Looma dirin { $list }: shabakadaha Malaysia waxay xannibaan SMS link leh, markaa qofna ma heli doono. Dib u dir linkiga la'aantiis.
carrier-my-personal = Lama dirin: shabakadaha Malaysia waxay xannibaan SMS lagu codsado xog shakhsi ah (warqado aqoonsi, koodh sir ah), markaa qofna ma heli doono. Si kale u qor.

# FONT: how Burmese is sent to this member ($font is Zawgyi or Unicode, written as is).
font-set = Qoraalka Af-Myanmar waxaa laguugu soo diri doonaa farta { $font }. Si aad u beddesho: FARTA ZAWGYI ama FARTA UNICODE
font-usage = Si aad u doorato sida qoraalka Af-Myanmar uga muuqdo telefoonkaaga: FARTA ZAWGYI ama FARTA UNICODE

# MOVE: a member's lists go to their new number. No reply ever shows either number.
move-usage = Si aad kooxahaaga ugu guuriso lambar cusub: telefoonkan ka qor GUUR iyo lambarka cusub. Telefoonka cusub ayaa markaas heli doona koodh.
move-code-sent = Koodh ayaa loo diray lambarkaaga cusub. Telefoonka cusub ka soo jawaab GUUR iyo koodhka 24 saac gudahood.
move-request = Qof ayaa codsaday in kooxihiisa SMS Up loo guuriyo lambarkan. Haddii ay adiga ahayd, ku jawaab GUUR { $code } 24 saac gudahood. Haddii kale, iska dhaaf.
move-done = Waa la dhammeeyay: kooxahaaga, magacaaga iyo luqaddaadu hadda waxay ku jiraan lambarkan. Qor LIISAS si aad u aragto kooxahaaga.
move-done-old = Kooxahaaga SMS Up waxaa loo guuriyay lambarkaaga cusub. Lambarkan farriin kale kagama heli doono kooxahaas.
move-bad-code = Koodhkaasi waa khalad ama muddadiisii way dhammaatay. Telefoonkaaga hore ka qor GUUR iyo lambarkan mar kale.
limit-moves = Maanta waxaad { $max } jeer codsatay inaad kooxahaaga guuriso. Fadlan isku day berri.

# Re-confirmation: a member silent for long whose messages stopped being delivered ($days: days to answer).
reconfirm = SMS Up: weli ma joogtaa? Si aad kooxahaaga u sii hesho, qor BILOW. Haddii aadan jawaabin { $days ->
        [one] 1 maalin
       *[other] { $days } maalmood
    } gudahood, waa laguu hakin doonaa (waxba lama tirtirayo).

# Liisaska ammaan ah.
created-private = Liis gaar ah { $list } waa la sameeyay: dadku waxay codsadaan BIIR { $list }, adiga ama maamule ayaa OGOLOW ama DIIDO.
created-private-short = Liis gaar ah waa la sameeyay. Codso: BIIR { $list }
info-private = { $list } waa liis gaar ah. Si aad u codsato: BIIR { $list }
join-requested = Codsigaaga ku biirista { $list } waxaa loo diray maamulayaasha. SMS ayaad heli doontaa markay ka jawaabaan.
join-request = { $who } wuxuu codsanayaa { $list }. Oggolow: OGOLOW { $label } Ha oggolaan: DIIDO { $label }
join-denied = Codsigaaga { $list } lama aqbalin.
approved = { $who } wuxuu ku biiray { $list }.
denied = { $who } kuma biiri doono { $list }.
no-request = Codsi furan kama jiro { $who }. Isticmaal lambarka # ee codsiga.
request-which-list = Liisas badan ayaa codsi ka haya { $who }. Sheeg liiska: OGOLOW liiska { $who }
banned = { $label } waa laga saaray { $list } mana soo laaban karo. Si aad u celiso: FASAX { $list } { $label }
unbanned = { $label } mar kale ayuu ku biiri karaa { $list }.
owner-only = Kaliya milkiilaha { $list } ayaa sidaas samayn kara.
owner-made = { $who } hadda waa milkiilaha { $list }. Adigu waxaad tahay maamule.
you-are-owner = Hadda adigaa leh { $list }. Xubnaha waad KUDAR, SAAR iyo MAAMULE kartaa, kuna wareejin kartaa MILKILE.
need-who = Qor xubinta ka dib { $list }, magaca ama lambarka # ee fariimahooda.
help-sent = Fariintaada waxaa loo diray qabanqaabiyeyaasha { $list }. Jawaabtooda waxay imaan doontaa lambarkan.
help-request = Codsi caawimo { $code } ee { $list } (JAWAAB { $code } qoraal, ama WADAAG { $code } dhammaan):
help-limit = Waxaad gaartay xadka fariimaha { $list } saacaddan ({ $max }). Fadlan sug.
list-unattended = Hadda qofna uma jawaabo { $list }, fariintaada lama gudbin. Fadlan mar kale isku day.
help-unknown = Ma jiro codsi caawimo { $code } oo liisaskaaga ah.
reply-empty = Jawaabta qor koodka ka dib: JAWAAB { $code } jawaabtaada
help-replied = Jawaabtaada { $code } waa la diray.
help-shared-head = [{ $list }] codsi caawimo:
help-shared = Codsiga caawimada { $code } waxaa loo diray dhammaan { $list }.
outside-off = Dadka ka baxsan { $list } hadda uma qori karaan maamulayaasha.
outside-on = Dadka ka baxsan { $list } mar kale ayay u qori karaan maamulayaasha.
outside-usage = DIBAD { $list } OFF waxay joojisaa fariimaha dibadda; DIBAD { $list } ON waa ogolaataa.

forget-confirm = Si aad u tirtirto lambarkaaga, magacaaga, liisaskaaga iyo fariimahaaga, ku jawaab TIRTIR { $code } 10 daqiiqo gudahood.
forgotten = Waa la dhammeeyay: lambarkaaga iyo fariimahaaga waa la tirtiray. SMS kale ma iman doono ilaa aad BILOW qorto.
forget-bad-code = Koodkaas waa khalad ama wuu dhacay. Si aad wax walba u tirtirto, mar kale qor TIRTIR.

# Private messages between members.
dm-private = (gaar):
dm-sent = Fariintaada gaarka ah ee { $who } ee { $list } waa la diray.
dm-off = Fariimaha gaarka ah waa laga xiray { $list }.
dm-set-off = Xubnaha { $list } hadda iskuma qori karaan si gaar ah.
dm-set-on = Xubnaha { $list } mar kale ayay isu qori karaan si gaar ah.
dm-usage = TOOS { $list } OFF waxay joojisaa fariimaha gaarka ah; TOOS { $list } ON waa ogolaataa.
to-usage = Si aad si gaar ah u qorto: FARIIN { $list } magac-ama-#lambar fariintaada
limit-dm = Saacaddan waxaad dirtay { $max } fariimood oo gaar ah. Fadlan sug.
blocked = { $who } hadda kuuma soo diri karo fariimo gaar ah. Si aad u celiso: XANNIB { $label } OFF
unblocked = { $who } mar kale ayuu kuu soo diri karaa fariimo gaar ah.
block-not-found = Qofna oo la yiraahdo { $who } kuma jiro liisaskaaga. Isticmaal lambarka # ee fariintooda.
block-which-list = Liisas badan ayaa leh { $who }. Sheeg liiska: XANNIB liiska { $who }

# Closing a list.
delete-confirm = Si aad u xirto { $list } weligeed oo aad u sheegto xubnaheeda, ku jawaab XIR { $list } { $code } 10 daqiiqo gudahood.
delete-bad-code = Koodhkaas waa khalad ama wuu dhacay. Si aad u xirto { $list }, mar kale dir XIR { $list }.
list-deleted = { $list } waa la xiray xubnahana waa loo sheegay. Magaca cidna ma qaadan karto 30 maalmood.
list-closed = { $list } waxaa xiray milkiilaheeda. Wax dambe kaama iman doonaan.

# Held posts.
moderate-on = Qoraallada xubnaha { $list } hadda waxay sugayaan oggolaanshaha maamulaha.
moderate-off = Xubnaha { $list } mar kale si toos ah ayay u diri karaan.
moderate-usage = HUBI { $list } ON waxay qabataa qoraallada xubnaha si loo oggolaado; HUBI { $list } OFF waa joojisaa.
post-held = Qoraalkaaga { $list } wuxuu sugayaa oggolaanshaha maamulaha.
held-post = Qoraalka { $code } ee { $list } wuu sugayaa (OGOLOW { $code } ama DIIDO { $code }):
held-approved = Qoraalka { $code } waa loo diray { $list }.
held-rejected = Qoraalka { $code } lama dirin.
held-unknown = Ma jiro qoraal { $code } oo sugaya liisaskaaga.
post-approved = Qoraalkaaga { $list } waa la oggolaaday waana la diray.
post-rejected = Qoraalkaaga { $list } lama oggolaan.

# CAAWI <amar>: hal SMS oo sharxaya hal amar.
usage-help = CAAWI wuxuu muujiyaa amarrada. CAAWI iyo amar ayaa sharxa amarkaas, tusaale: CAAWI BIIR
usage-create = SAMEE koox: koox adiga leedahay. Ku dar GAAR si aad adigu u ogolaato dadka, ama OGEYSIIS si adiga iyo maamulayaasha oo keliya u qoraan.
usage-announce = SAMEE koox OGEYSIIS: koox ay adiga iyo maamulayaasheeda oo keliya qori karaan.
usage-join = BIIR koox: ku biir koox. Si aad ugu qorto: koox fariintaada. Si aad uga baxdo: BAX koox
usage-leave = BAX koox: waxba kaama soo gaarayaan kooxdaas. Si aad u joojiso dhammaan SMS: JOOJI
usage-lists = LIISAS wuxuu muujiyaa kooxaha aad ku jirto.
usage-name = MAGAC Cali: magaca ka muuqda qoraalladaada. Xubnuhu lambarkaaga ma arkaan.
usage-info = XOG koox: inta xubnood, cidda qori karta iyo doorkaaga.
usage-add = KUDAR koox lambar: casuun qof (milkilaha iyo maamulayaasha). Wuxuu ku biirayaa BIIR koox.
usage-remove = SAAR koox qof: ka saar xubin (milkilaha iyo maamulayaasha). Wuu soo laaban karaa; MAMNUUC ayaa celiya.
usage-admin = MAAMULE koox qof: xubin ka dhig maamule. Milkilaha oo keliya.
usage-start = BILOW: mar kale SMS ka hel SMS Up kadib markaad JOOJI dirtay.
usage-lang = LUQAD iyo kood: luqadda jawaabaha, tusaale: LUQAD so. LUQAD keliya waxay muujisaa koodadka.
usage-no = MAYA koox: diid martiqaadka kooxdaas iyo kuwa dambe. MAYA keliya waxay diiddaa kii ugu dambeeyay.
usage-private = SAMEE koox GAAR: dadku waxay ku biiraan markaad adiga ama maamule OGOLOW dhahdo.
usage-approve = OGOLOW #lambar: soo geli qofka codsaday (#lambarka codsiga ayuu ku jiraa). OGOLOW P12 wuxuu diraa qoraal sugaya.
usage-deny = DIIDO #lambar: diid codsi ku biiris. DIIDO P12 wuxuu diidaa qoraal sugaya oggolaansho.
usage-ban = MAMNUUC koox qof: saar xubin oo lambarkiisa weligiis ka reeb. Si aad u celiso: FASAX koox #lambar
usage-unban = FASAX koox #lambar: qof la mamnuucay wuu soo biiri karaa mar kale.
usage-owner = MILKILE koox qof: kooxdaada u wareeji xubin kale. Adigu waxaad ahaanaysaa maamule.
usage-reply = JAWAAB H7 jawaabtaada: waxay gaartaa qofka codsiga caawimada H7 ee kooxda dibaddeeda. Lambarkaaga lama arko.
usage-share = WADAAG H7: qoraalka codsiga caawimada H7 u dir dhammaan xubnaha, magaca diraha la'aan.
usage-outside = DIBAD koox OFF waxay joojisaa fariimaha dibadda (milkilaha); DIBAD koox ON waa ogolaataa.
usage-forget = TIRTIR: lambarkaaga, magacaaga, kooxahaaga iyo fariimahaaga weligood tirtir. Waxaad heli doontaa kood xaqiijin.
usage-to = FARIIN koox qof fariintaada: si gaar ah ugu qor hal xubin (magac ama #lambar). Lambarro lama muujiyo.
usage-block = XANNIB #lambar: fariimaha gaarka ah ee qofkaas kuuma yimaadaan. Si aad u celiso: XANNIB #lambar OFF
usage-dm = TOOS koox OFF waxay joojisaa fariimaha gaarka ah ee xubnaha (milkilaha); TOOS koox ON waa ogolaataa.
usage-delete = XIR koox: kooxdaada weligeed xir (milkilaha oo keliya). Waxaad heli doontaa kood xaqiijin.
usage-moderate = HUBI koox ON qoraallada xubnaha way sugaan ilaa maamule oggolaado; HUBI koox OFF waa joojisaa.

# DIGNIIN: digniin ammaan, ka hor wax kasta.
alert-sent = Digniinta { $code } waxaa loo diray { $count ->
    [one] 1 xubin
   *[other] { $count } xubnood
} ee { $list }. Si aad u saxdo: SAX { $code } fariintaada
alert-test-sent = Digniin TEST ah ayaa loo diray { $count ->
    [one] 1 xubin
   *[other] { $count } xubnood
} ee { $list }. Mid dhab ah: DIGNIIN { $list } fariintaada
alert-not-allowed = Milkilaha, maamulayaasha iyo wariyeyaasha { $list } oo keliya ayaa digniin diri kara.
alert-empty = Digniinta ku qor magaca kooxda kadib: DIGNIIN { $list } fariintaada
alert-limit = { $list } saacaddan waxay dirtay { $max } digniinood, inta ugu badan. Fadlan sug.
reporter-made = { $who } hadda wuxuu digniin u diri karaa { $list }.
reporter-removed = { $who } mar dambe digniin uma diri karo { $list }.
you-are-reporter = Hadda digniin ayaad u diri kartaa { $list }, khatar dhab ah oo keliya: DIGNIIN { $list } fariintaada
you-are-no-reporter = Mar dambe digniin uma diri kartid { $list }.
usage-alert = DIGNIIN koox fariin: hal mar u dig dhammaan xubnaha (milkilaha, maamulayaasha, wariyeyaasha). DIGNIIN koox TEST fariin: tijaabo.
usage-reporter = WARIYE koox qof: xubin u ogolow inuu digniin diro (milkilaha iyo maamulayaasha); WARIYE koox qof OFF waa ka noqosho.
correct-sent = Saxidda { $code } waxaa loo diray qof kasta oo ay gaartay; inta sugaysay ee { $code } waa la joojiyay.
correct-unknown = Ma jiro digniin { $code } ah oo adiga laga sixi karo.
correct-empty = Saxidda ku qor koodka kadib: SAX { $code } fariintaada
usage-correct = SAX A12 fariin: saxid u dir qof kasta oo digniinta A12 gaartay; inta sugaysa waa la joojiyaa (diraha, milkilaha, maamulayaasha).
alert-status = Digniinta { $code }: { $delivered } ka mid ah { $total } way gaartay, { $failed } way fashilantay, { $expired } way dhacday, { $waiting } waa jidka, { $minutes } daqiiqo kadib.
alert-unknown = Ma jiro digniin { $code } ah oo adiga kuu taal.
usage-status = XAALAD A12: inta digniinta A12 gaartay: la gaarsiiyay, fashilmay, dhacday, jidka ku jirta (diraha, milkilaha, maamulayaasha).
alert-waiting = Digniinta { $code } ee { $list } waxay sugaysaa OK maamule kale ama milkilaha; way heleen. Lama diro { $minutes } daqiiqo kadib.
alert-confirm-ask = Digniinta { $code } ee { $list } waxay sugaysaa OK-gaaga (OK { $code } ayaa dira):
alert-confirm-self = Maamule kale ama milkilaha ayaa { $code } ku dira OK, ma aha diraha.
alert-confirm-late = Digniinta { $code } waxay sugtay in ka badan { $minutes } daqiiqo lamana dirin.
alert-confirmed = Digniintaada { $code } waa la xaqiijiyay waxaana loo diray { $count } xubnood oo { $list } ah.
alert-rule-confirm = Digniin kasta oo { $list } hadda waxay sugaysaa OK maamule labaad ama milkilaha. Dib: ALERTS { $list } DIRECT
alert-rule-direct = Digniinaha { $list } hadda isla markiiba way baxaan, OK labaad la'aan.
alert-rule-needs-admin = Marka hore magacow maamule labaad oo { $list } ah (MAAMULE { $list } qofka): isagaa xaqiijiya digniinaha.
alert-no-confirmer = Digniinaha { $list } waxay u baahan yihiin OK maamule labaad, midna ma jiro. Milkilaha: MAAMULE ama ALERTS { $list } DIRECT
usage-alerts = ALERTS koox CONFIRM: digniin kasta waxay sugtaa OK maamule labaad; ALERTS koox DIRECT: isla markiiba (milkilaha).
usage-ok = OK A12 wuxuu diraa digniinta A12 ee sugaysa OK-gaaga (maamule kale ama milkilaha kooxdeeda).
checkin-how = Ku jawaab 1 haddii aad nabad qabtid, 2 haddii aad caawimo u baahan tahay.
checkin-sent = Hubinta { $code } waxaa loo diray { $count } xubnood oo { $list } ah. Jawaabaha 24 saac: NATIIJO { $code }
checkin-safe = Mahadsanid: waxaa lagu tiriyay nabad { $list } gudaheeda.
checkin-help = { $who } wuxuu ku jawaabay 2 (caawimo) hubinta { $check }.
checkin-results = { $code }: { $safe } nabad, { $help } caawimo u baahan, { $silent } jawaab la'aan.
checkin-unknown = Ma jiro hubin { $code } ah oo kooxahaaga ku jirta.
checkin-empty = Su'aasha ku qor magaca kooxda kadib: BAADH { $list } su'aashaada
checkin-not-allowed = Kaliya milkilaha iyo maamulayaasha { $list } ayaa hubin diri kara.
checkin-limit = { $list } saacaddan waxay dirtay { $max } digniinood iyo hubin, inta ugu badan. Fadlan sug.
usage-check = BAADH koox su'aal: xubin kasta ha ku jawaabo 1 haddii nabad, 2 haddii caawimo (milkilaha iyo maamulayaasha).
usage-results = NATIIJO C3: jawaabaha hubinta C3: nabad, caawimo, jawaab la'aan (milkilaha iyo maamulayaasha).
