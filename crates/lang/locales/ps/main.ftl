# NEEDS REVIEW BY A NATIVE SPEAKER: written without one. A reviewer should check that every reply
# says what the English one says in plain, polite Pashto (تاسو forms: ولیکئ، ولېږئ) that a person
# with little schooling reads at once, in the standard Afghan spelling with Pashto's own letters
# (ټ ډ ړ ږ ښ ګ ځ څ ڼ ې ۍ); that the command words of keywords.txt (ګډون، وتل، جوړول، ودروه...)
# are words people really type; and that the phrase that tells how to stop everything starts with
# the stop word ودروه. See locales/README.md.
# د SMS Up ځوابونه په پښتو. هر ځواب باید په یوه SMS کې ځای شي: 70 توري (UCS-2)، د 24 تورو
# ډلې نوم، د 20 تورو غړي نوم او 3 عددي شمېرې؛ ازموینې یې ګوري. لنډ ولیکئ، د ډلې نوم یو ځل
# راوړئ، لکه «ګډون ډله» غوندې امر کې.
# "List" is ډله (group) here, as ur/fa say گروپ/گروه; "member" غړی. Plural forms (CLDR ps): one,
# other ("1 غړي ته", "120 غړو ته").
# Command words are those of keywords.txt; English ones (JOIN...) work too, and so do the Farsi and
# Urdu ones many Pashto speakers know (شامل، معلومات، مدیر، بند).
# Direction marks (RLM) are added by the program where needed: do not type them here.
# Example phone numbers are written without spaces: in right-to-left text spaced digit groups
# are shown in reverse order.

help = ګډون/وتل/جوړول + د ډلې نوم. لېږل: ډله پیغام. ټول بندول: ودروه
unknown-command = پوه نه شوم. د لېږلو لپاره لومړی د ډلې نوم ولیکئ. لارښود: مرسته
empty = د SMS Up د کارولو لارښود لپاره ولیکئ: مرسته

created = ډله جوړه شوه. ګډون: ګډون { $list }. لېږل: ډله پیغام
created-announce = ډله جوړه شوه، یوازې مدیران لیکي. ګډون: ګډون { $list }
list-taken = نوم { $list } نیول شوی. بل نوم وټاکئ.
list-name-invalid = د ډلې نوم 2 تر 24 توري یا عددونه، بې فاصلې. بېلګه: جوړول کور
list-name-reserved = { $list } د امر کلمه ده. بل نوم وټاکئ.
unknown-list = د { $list } په نوم ډله نشته. املا وګورئ.
need-list = د ډلې نوم هم ولیکئ، لکه: { $command } کور
announce-usage = هغه ډله چې یوازې مدیران لیکي: جوړول { $list } اعلان
limit-lists = تاسو نن { $max } ډلې جوړې کړې. سبا بیا هڅه وکړئ.
limit-invites = تاسو په دې وروستیو کې { $max } بلنې ولېږلې. وروسته بیا هڅه وکړئ.
declined = نور به د { $list } بلنې تاسو ته نه راځي.
no-invitation = د ځواب لپاره کومه بلنه نشته. لارښود: مرسته

joined = ښه راغلاست. لېږل: ډله پیغام. وتل: وتل { $list }
already-member = تاسو دمخه په { $list } کې یاست.
left = له ډلې ووتلئ. بېرته راتلو لپاره: ګډون { $list }
not-member = تاسو په دې ډله کې نه یاست. ګډون: ګډون { $list }

post-sent = { $count ->
        [one] 1 غړي ته
       *[other] { $count } غړو ته
    } ولېږل شو{ $segments ->
        [1] .
       *[other] ، هر یو ته { $segments } SMS.
    }
post-empty = پیغام د ډلې له نوم وروسته ولیکئ: { $list } پیغام
post-announce-only = یوازې مدیران { $list } ته لیکلی شي.
post-too-long = ډېر اوږد: { $segments } SMS. حد { $max } دی. لنډ یې کړئ.
post-sender-limit = په دې ساعت کې مو { $max } پیغامونه ولېږل. وروسته هڅه وکړئ.
post-list-limit = د { $list } د نن ورځې SMS حد پوره شو. سبا هڅه وکړئ.

lists = ستاسو ډلې: { $lists }
lists-none = تاسو په هېڅ ډله کې نه یاست. د ګډون لپاره: ګډون نوم

name-set = په پیغامونو کې ستاسو نوم اوس { $alias } دی.
name-invalid = نوم 1 تر 20 توري، بې # او تلیفون شمېرې او پټو نښو. بېلګه: نوم ملالۍ
name-taken = دا نوم د بل غړي نوم ته ورته دی. بل نوم وټاکئ.

info = { $list }: { $count ->
        [one] 1 غړی
       *[other] { $count } غړي
    }، { $mode ->
        [announce] یوازې اعلان
       *[open] پرانیستې
    }. تاسو: { $role ->
        [owner] خاوند
        [admin] مدیر
        [member] غړی
       *[none] غړی نه یاست
    }.

invite-sent = د { $list } بلنه ولېږل شوه، که هغه شمېره SMS اخلي.
invite = بلنه: ګډون { $list } یا نه { $list }
invalid-number = شمېره سمه نه ده. بېلګه: بلنه { $list } 01XXXXXXXX
added-by-org = تاسو شامل کړای شوئ. وتل: وتل { $list }. ټول بند: ودروه

not-admin = دا کار یوازې د { $list } خاوند یا مدیران کولی شي.
not-owner = یوازې د { $list } خاوند مدیر ټاکلی شي.
member-not-found = { $list }: { $who } نشته. # شمېره ولیکئ.
member-ambiguous = څو غړي { $who } نومېږي. د هغوی # شمېره ولیکئ.
cannot-remove-owner = د { $list } خاوند نه شي ایستل کېدای.
cannot-remove-admin = یوازې د { $list } خاوند مدیر ایستلی شي.
admin-is-owner = { $who } دمخه د { $list } خاوند دی.
owner-cannot-leave = تاسو د { $list } خاوند یاست، نه شئ وتلی. ټول بند: ودروه
removed = { $who } له { $list } څخه وایستل شو.
you-were-removed = تاسو له { $list } څخه وایستل شوئ.
admin-made = { $who } اوس د { $list } مدیر دی.
you-are-admin = تاسو د { $list } مدیر شوئ. غړي زیاتولی او ایستلی شئ.

stopped = نور به له SMS Up څخه SMS نه درځي. د بېرته راتګ لپاره ولیکئ: پیل
help-stopped = تاسو د SMS Up ټول SMS بند کړي. د بیا ترلاسه کولو لپاره ولیکئ: پیل
started = بېرته ښه راغلاست. بیا به SMS درته راځي. لارښود: مرسته

lang-set = ځوابونه به اوس په پښتو وي.
lang-choices = ولیکئ ژبه او کوډ: ps پښتو، fa دري، ur اردو، en ms my ar so ta cnh rhg

# Carrier content rules (Malaysia): a post that the networks would block is not relayed.
# Only one SMS (70 characters) in this script: the list name is left out (the sender knows which list
# they wrote to). `{ $list -> *[other] ... }` keeps the message's variables those of English without
# showing the name. Never write a phone number, a link, or the words the networks block (PIN,
# password, IC number...) in these replies: the networks would block the reply too.
carrier-my-phone = { $list ->
   *[other] ونه لېږل شو: مالیزیا کې د تلیفون شمېرې SMS بندېږي. بې شمېرې یې ولېږئ.
}
carrier-my-link = { $list ->
   *[other] ونه لېږل شو: په مالیزیا کې د لینک SMS بندېږي. بې لینکه یې ولېږئ.
}
carrier-my-personal = ونه لېږل شو: په مالیزیا کې د شخصي معلوماتو غوښتنه بندېږي. بدل یې کړئ.

# FONT: how Burmese is sent to this member ($font is Zawgyi or Unicode, written as is).
font-set = برمي لیک به په { $font } درته راځي. بدلون: فونټ ZAWGYI یا فونټ UNICODE
font-usage = په تلیفون کې د برمي لیک بڼه وټاکئ: فونټ ZAWGYI یا فونټ UNICODE

# MOVE: a member's lists go to their new number. No reply ever shows either number.
move-usage = له دې تلیفون ولیکئ: لېږد او نوې شمېره. نوي تلیفون ته به کوډ ورشي.
move-code-sent = نوې شمېرې ته کوډ ولېږل شو. په 24 ساعتونو کې له هغې ولیکئ: لېږد او کوډ
move-request = آیا SMS Up ډلې دې شمېرې ته راوړئ؟ په 24 ساعتونو کې ولیکئ: لېږد { $code }
move-done = وشو: ډلې، نوم او ژبه اوس په دې شمېره دي. د لیدو لپاره: ډلې
move-done-old = ستاسو SMS Up ډلې نوې شمېرې ته ولاړې. دلته به نور نه راځي.
move-bad-code = کوډ غلط یا پای ته رسېدلی. له زاړه تلیفون بیا ولیکئ: لېږد او دا شمېره
limit-moves = تاسو نن { $max } ځله د لېږد غوښتنه کړې. سبا بیا هڅه وکړئ.

# Re-confirmation: a member silent for long whose messages stopped being delivered ($days: days to answer).
reconfirm = د SMS Up دوام لپاره: پیل. که نه، { $days ->
    [one] 1 ورځ
   *[other] { $days } ورځې
} وروسته ګډون درېږي، نه ړنګېږي.

# Safe lists.
created-private = خصوصي ډله جوړه شوه. غوښتنه: ګډون { $list }
info-private = دا خصوصي ډله ده. غوښتنه: ګډون { $list }
join-requested = د { $list } غوښتنه مدیرانو ته ولېږل شوه.
join-request = { $who } په { $list }: منظور/رد { $label }
join-denied = د { $list } غوښتنه ونه منل شوه.
approved = { $who } په { $list } کې ګډون وکړ.
denied = { $who } په { $list } کې ګډون نه کوي.
no-request = له { $who } څخه غوښتنه نشته.
request-which-list = د ډلې نوم ولیکئ: منظور ډله { $who }
banned = { $label } له { $list } څخه د تل لپاره وایستل شو.
unbanned = { $label } بیا { $list } کې ګډون کولی شي.
owner-only = یوازې د { $list } مالک دا کولی شي.
owner-made = { $who } اوس د { $list } مالک دی.
you-are-owner = تاسو اوس د { $list } مالک یاست.
need-who = له { $list } وروسته د غړي نوم یا # ولیکئ.
help-sent = پیغام د { $list } مدیرانو ته ولاړ. ځواب همدلته راځي.
help-request = مرسته { $code } ({ $list }) ځواب/خپور { $code }:
help-limit = په دې ساعت کې { $list } ته د پیغامونو حد ({ $max }) پوره شو.
list-unattended = د { $list } مدیر نشته، پیغام ولاړ نه شو. بیا یې ولېږئ.
help-unknown = د مرستې غوښتنه { $code } نشته.
reply-empty = ځواب ولیکئ: ځواب { $code } متن
help-replied = د { $code } ځواب ولېږل شو.
help-shared-head = [{ $list }] د مرستې غوښتنه:
help-shared = { $code } ټولو { $list } غړو ته ولېږل شو.
outside-off = له { $list } بهر پیغامونه بند شول.
outside-on = له { $list } بهر پیغامونه بیا پرانیستل شول.
outside-usage = بهر { $list } OFF بندوي، ON پرانیزي.

forget-confirm = د ټولو پیغامونو د پاکولو لپاره په 10 دقیقو کې ولیږئ: هېر { $code }
forgotten = پاک شول. تر څو پیل ونه لیږئ، له SMS Up څخه هیڅ نه راځي.
forget-bad-code = کوډ غلط یا ختم دی. بیا هېر ولیږئ.

# Private messages between members.
dm-private = (خصوصي):
dm-sent = { $who } ته په { $list } کې ولاړ.
dm-off = په { $list } کې خصوصي پیغامونه بند دي.
dm-set-off = په { $list } کې خصوصي پیغامونه بند شول.
dm-set-on = په { $list } کې خصوصي پیغامونه بیا پرانیستل شول.
dm-usage = شخصي { $list } OFF بندوي، ON پرانیزي.
to-usage = خصوصي پیغام: پیغام { $list } نوم متن
limit-dm = په دې ساعت کې د خصوصي پیغامونو حد ({ $max }) پوره شو.
blocked = د { $who } پیغامونه بند شول. بېرته: بلاک { $label } OFF
unblocked = د { $who } خصوصي پیغامونه بیا پرانیستل شول.
block-not-found = { $who } ستاسو په ډلو کې نشته. # شمېره ولیکئ.
block-which-list = د ډلې نوم ولیکئ: بلاک ډله { $who }

# Closing a list.
delete-confirm = په 10 دقیقو کې ولېږئ: تړل { $list } کوډ { $code }
delete-bad-code = کوډ غلط دی. بیا ولېږئ: تړل { $list }
list-deleted = { $list } وتړل شوه، غړي خبر شول. نوم 30 ورځې خوندي دی.
list-closed = مالک { $list } وتړله. نور پیغام نه راځي.

# Held posts.
moderate-on = د { $list } پوسټونه اوس د مدیر منظورۍ ته انتظار کوي.
moderate-off = د { $list } غړي بیا مستقیم لېږي.
moderate-usage = کتنه { $list } ON ساتي، OFF یې پای ته رسوي.
post-held = په { $list } کې ستاسو پوسټ د منظورۍ په تمه دی.
held-post = پوسټ { $code } په { $list } کې (منظور/رد { $code }):
held-approved = پوسټ { $code } په { $list } کې ولاړ.
held-rejected = پوسټ { $code } ونه لېږل شو.
held-unknown = پوسټ { $code } په تمه نشته.
post-approved = په { $list } کې ستاسو پوسټ منظور او ولاړ.
post-rejected = په { $list } کې ستاسو پوسټ منظور نه شو.

# مرسته <کمانډ>: یو SMS چې یو کمانډ تشریح کوي.
usage-help = د یوه کمانډ لپاره: مرسته او کمانډ، لکه مرسته ګډون
usage-create = جوړول ډله: ستاسو ډله. خصوصي: ستاسو په منظورۍ. اعلان: یوازې مدیران
usage-announce = جوړول ډله اعلان: هغه ډله چې یوازې تاسو او مدیران لیکئ
usage-join = ګډون ډله: ګډون. لېږل: ډله پیغام. وتل: وتل ډله
usage-leave = وتل ډله: له هغې ډلې به څه نه راځي. ټول بندول: ودروه
usage-lists = ډلې: هغه ډلې چې تاسو پکې یاست
usage-name = نوم احمد: ستاسو نوم په پیغامونو. شمېره مو څوک نه ویني
usage-info = معلومات ډله: د غړو شمېر، څوک لیکي او ستاسو رول
usage-add = بلنه ډله شمېره: یو څوک رابلل (مدیر). هغه ګډون ډله لېږي
usage-remove = ایستل ډله نوم: غړی ایستل (مدیر). د تل لپاره: بندیز
usage-admin = اډمین ډله نوم: غړی مدیر کول (یوازې مالک)
usage-start = پیل: بیا SMS ترلاسه کول (له ودروه وروسته)
usage-lang = ژبه او کوډ: د ځوابونو ژبه، لکه ژبه ps
usage-no = نه ډله: د هغې ډلې بلنه ردول
usage-private = جوړول ډله خصوصي: یوازې ستاسو یا مدیر په منظورۍ ګډون
usage-approve = منظور #شمېره: د ګډون اجازه. منظور P12: ولاړ پیغام لېږل
usage-deny = رد #شمېره: غوښتنه ردول. رد P12: ولاړ پیغام نه لېږل
usage-ban = بندیز ډله نوم: د تل لپاره ایستل. بېرته: اجازه ډله #شمېره
usage-unban = اجازه ډله #شمېره: بندیز شوی بیا ګډون کولی شي
usage-owner = مالک ډله نوم: ډله بل غړي ته سپارل، تاسو مدیر پاتې کېږئ
usage-reply = ځواب H7 متن: له بهر مرسته غوښتونکي ته ځواب
usage-share = خپور H7: د غوښتنې H7 متن ټولو غړو ته، بې لېږونکي
usage-outside = بهر ډله OFF د بهرنیو پیغامونه بندوي، ON پرانیزي.
usage-forget = هېر: ستاسو شمېره، نوم، ډلې او پیغامونه د تل لپاره پاکېږي
usage-to = پیغام ډله نوم متن: یو غړي ته خصوصي پیغام، بې شمېرې
usage-block = بلاک #شمېره: د هغه خصوصي پیغامونه نه راځي. بېرته: بلاک #شمېره OFF
usage-dm = شخصي ډله OFF خصوصي پیغامونه بندوي، ON پرانیزي (مالک)
usage-delete = تړل ډله: ډله د تل لپاره تړل (مالک). کوډ راځي
usage-moderate = کتنه ډله ON پیغامونه ساتي، OFF یې پای ته رسوي.

# خبرداری: امنیتي خبرداری، تر هر څه مخکې.
alert-sent = خبرداری { $code } په { $list } کې { $count } غړو ته ولاړه.
alert-test-sent = TEST خبرداری { $count } غړو ته په { $list } کې ولاړه.
alert-not-allowed = خبرداری یوازې د { $list } مالک، مدیر او راپورټر لېږي.
alert-empty = خبرداری ولیکئ: خبرداری { $list } پیغام
alert-limit = { $list } په دې ساعت کې { $max } خبرداری لېږلې. صبر وکړئ.
reporter-made = { $who } اوس { $list } ته خبرداری لېږي.
reporter-removed = { $who } نور { $list } ته خبرداری نه لېږي.
you-are-reporter = یوازې د رښتیني خطر لپاره: خبرداری { $list } پیغام
you-are-no-reporter = تاسو نور { $list } ته خبرداری نشئ لېږلی.
usage-alert = خبرداری ډله پیغام: ټولو ته سمدستي. ازمېښت: خبرداری ډله TEST متن
usage-reporter = راپورټر ډله نوم: غړي ته د خبرداری اجازه؛ OFF یې اخلي
correct-sent = د { $code } سمون ټولو ته ولاړ، پاتې لغوه شو.
correct-unknown = ستاسو خبرداری { $code } د سمون لپاره نشته.
correct-empty = سمون ولیکئ: سمون { $code } پیغام
usage-correct = سمون A12 پیغام: د A12 ټولو ترلاسه کوونکو ته سمون
alert-status = { $code }، { $minutes } دقیقې: { $delivered } د { $total } ورسېدل، { $failed } نه، { $expired } ختم، { $waiting } په لار
alert-unknown = ستاسو خبرداری { $code } نشته.
usage-status = حالت A12: خبرداری A12 څومره ورسېده
alert-waiting = { $code } په { $list } کې مدیر OK ته تم، { $minutes } دقیقې
alert-confirm-ask = { $code } په { $list } کې ستاسو OK ته تم (OK { $code }):
alert-confirm-self = { $code } بل مدیر په OK لېږي، نه لېږونکی.
alert-confirm-late = خبرداری { $code } تر { $minutes } دقیقو زیات تم و او ولاړ نه.
alert-confirmed = { $code } تایید، په { $list } کې { $count } غړو ته ولاړ
alert-rule-confirm = اوس د { $list } هر خبرداری د دوهم مدیر OK ته تم دی.
alert-rule-direct = اوس د { $list } خبرداري سمدستي ځي.
alert-rule-needs-admin = لومړی د { $list } دوهم مدیر وټاکئ.
alert-no-confirmer = د { $list } خبرداري تاییدولو ته دوهم مدیر نشته.
usage-alerts = ALERTS ډله CONFIRM: هر خبرداری د دوهم مدیر OK ته تم؛ DIRECT: سمدستي
usage-ok = OK A12 هغه خبرداری A12 لېږي چې ستاسو OK ته تم دی
checkin-how = که خوندي یاست 1، که مرسته غواړئ 2 ولېږئ.
checkin-sent = { $code } په { $list } کې { $count } غړو ته. پایلې { $code }
checkin-safe = مننه، په { $list } کې خوندي وشمېرل شوئ.
checkin-help = { $who } پوښتنې { $check } ته 2 (مرسته غواړي) ولېږه.
checkin-results = { $code }: { $safe } خوندي، { $help } مرسته غواړي، { $silent } بې ځوابه.
checkin-unknown = ستاسو په ډلو کې پوښتنه { $code } نشته.
checkin-empty = پوښتنه ولیکئ: CHECK { $list } پوښتنه
checkin-not-allowed = یوازې د { $list } مالک او مدیران پوښتنه لېږي.
checkin-limit = { $list } په دې ساعت کې { $max } خبرداري او پوښتنې لېږلې.
usage-check = CHECK ډله پوښتنه: هر غړی 1 (خوندي) یا 2 (مرسته) لېږي
usage-results = پایلې C3: د پوښتنې C3 ځوابونه
