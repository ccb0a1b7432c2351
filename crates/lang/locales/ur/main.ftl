# SMS Up کے جوابات اردو میں۔ ہر جواب ایک SMS میں آنا چاہیے: 70 حروف (UCS-2)، 24 حرفی گروپ نام،
# 20 حرفی رکن نام اور 3 ہندسی اعداد کے ساتھ؛ ٹیسٹ یہ جانچتے ہیں۔ مختصر لکھیں، گروپ کا نام ایک بار
# لکھیں، «شامل گروپ‌نام» جیسے حکم میں۔
# Plural forms (CLDR ur): one, other.
# Command words are those of keywords.txt; English ones (JOIN...) work too.
# Direction marks (RLM) are added by the program where needed: do not type them here.
# Example phone numbers are written without spaces: in right-to-left text spaced digit groups
# are shown in reverse order.

help = شامل/چھوڑیں/بنائیں + گروپ کا نام۔ بھیجنا: گروپ پیغام۔ سب بند: روکیں
unknown-command = سمجھ نہیں آیا۔ بھیجنے کے لیے پہلے گروپ کا نام لکھیں۔ مدد کے لیے: مدد
empty = استعمال کا طریقہ جاننے کے لیے لکھیں: مدد

created = گروپ بن گیا۔ شمولیت: شامل { $list }۔ بھیجنا: گروپ پیغام
created-announce = گروپ بن گیا (صرف منتظم بھیجیں)۔ شمولیت: شامل { $list }
list-taken = نام { $list } لیا جا چکا ہے۔ کوئی اور نام چنیں۔
list-name-invalid = گروپ کا نام 2 سے 24 حروف یا ہندسے، بغیر وقفے۔ مثال: بنائیں گھر
list-name-reserved = { $list } ایک حکم کا لفظ ہے۔ کوئی اور نام چنیں۔
unknown-list = { $list } نام کا کوئی گروپ نہیں۔ ہجے دیکھیں۔
need-list = گروپ کا نام بھی لکھیں، مثلاً: { $command } گھر
announce-usage = صرف منتظمین والا گروپ: بنائیں { $list } اعلان
limit-lists = آپ آج { $max } گروپ بنا چکے۔ کل پھر کوشش کریں۔
limit-invites = آپ حال میں { $max } دعوتیں بھیج چکے۔ بعد میں کوشش کریں۔
declined = اب آپ کو { $list } کی مزید دعوت نہیں آئے گی۔
no-invitation = جواب کے لیے کوئی دعوت نہیں۔ مدد کے لیے لکھیں: مدد

joined = خوش آمدید۔ بھیجنا: گروپ پیغام۔ نکلنا: چھوڑیں { $list }
already-member = آپ پہلے سے { $list } میں ہیں۔
left = آپ نے گروپ چھوڑ دیا۔ واپسی: شامل { $list }
not-member = آپ اس گروپ میں نہیں۔ شامل ہونے کو: شامل { $list }

post-sent = { $count ->
        [one] 1 رکن
       *[other] { $count } ارکان
    } کو بھیج دیا گیا{ $segments ->
        [1] ۔
       *[other] ، ہر ایک کو { $segments } SMS۔
    }
post-empty = گروپ کے نام کے بعد پیغام لکھیں: { $list } پیغام
post-announce-only = { $list } میں صرف منتظم بھیج سکتے ہیں۔
post-too-long = بہت لمبا: { $segments } SMS۔ حد { $max } ہے۔ براہ کرم مختصر کریں۔
post-sender-limit = آپ اس گھنٹے { $max } پیغامات کی حد تک پہنچ گئے۔ بعد میں کوشش کریں۔
post-list-limit = { $list } کی روزانہ SMS حد پوری ہو گئی۔ کل کوشش کریں۔

lists = آپ کے گروپ: { $lists }
lists-none = آپ کسی گروپ میں نہیں۔ شامل ہونے کو: شامل گروپ‌نام

name-set = پیغامات پر آپ کا نام اب { $alias } ہے۔
name-invalid = نام 1 سے 20 حروف، بغیر # یا فون نمبر یا چھپے نشان۔ مثال: نام عائشہ
name-taken = یہ نام کسی اور رکن کے نام جیسا ہے۔ کوئی اور نام چنیں۔

info = { $list }: { $count ->
        [one] 1 رکن
       *[other] { $count } ارکان
    }، { $mode ->
        [announce] صرف اعلانات
       *[open] کھلا
    }۔ آپ: { $role ->
        [owner] مالک
        [admin] منتظم
        [member] رکن
       *[none] رکن نہیں
    }۔

invite-sent = { $list } کی دعوت بھیج دی گئی، اگر نمبر SMS لیتا ہے۔
invite = دعوت: شامل { $list } یا نہیں { $list }
invalid-number = فون نمبر درست نہیں۔ مثال: دعوت { $list } 01XXXXXXXX
added-by-org = آپ شامل کیے گئے۔ نکلنا: چھوڑیں { $list }۔ سب بند: روکیں

not-admin = یہ صرف { $list } کا مالک یا منتظم کر سکتا ہے۔
not-owner = صرف { $list } کا مالک منتظم بنا سکتا ہے۔
member-not-found = { $list } میں { $who } نہیں۔ # نمبر لکھیں۔
member-ambiguous = { $who } نام کے کئی ارکان ہیں۔ ان کا # نمبر لکھیں۔
cannot-remove-owner = { $list } کے مالک کو نکالا نہیں جا سکتا۔
cannot-remove-admin = صرف { $list } کا مالک منتظم کو نکال سکتا ہے۔
admin-is-owner = { $who } پہلے سے { $list } کا مالک ہے۔
owner-cannot-leave = آپ { $list } کے مالک ہیں، چھوڑ نہیں سکتے۔ سب بند: روکیں
removed = { $who } کو { $list } سے نکال دیا گیا۔
you-were-removed = آپ کو { $list } سے نکال دیا گیا۔
admin-made = { $who } اب { $list } کا منتظم ہے۔
you-are-admin = آپ { $list } کے منتظم بن گئے۔ اب دعوت دیں یا نکالیں۔

stopped = اب SMS Up سے کوئی SMS نہیں آئے گا۔ واپسی کے لیے لکھیں: شروع
help-stopped = آپ نے SMS Up کے سب SMS بند کیے ہیں۔ دوبارہ پانے کو لکھیں: شروع
started = خوش آمدید۔ آپ کو پھر سے SMS ملیں گے۔ مدد کے لیے لکھیں: مدد

lang-set = جوابات اب اردو میں ہوں گے۔
lang-choices = لکھیں زبان اور کوڈ: ur اردو، fa فارسی، en ms my so ar ta ps cnh rhg

# Carrier content rules (Malaysia): a post that the networks would block is not relayed.
# Only one SMS (70 characters) in this script: the list name is left out (the sender knows which list
# they wrote to). `{ $list -> *[other] ... }` keeps the message's variables those of English without
# showing the name. Never write a phone number, a link, or the words the networks block (PIN,
# password, IC number...) in these replies: the networks would block the reply too.
carrier-my-phone = { $list ->
   *[other] نہیں بھیجا: ملائیشیا میں فون نمبر والے SMS بلاک ہیں۔ بغیر نمبر بھیجیں۔
}
carrier-my-link = { $list ->
   *[other] نہیں بھیجا: ملائیشیا میں لنک والے SMS بلاک ہیں۔ بغیر لنک بھیجیں۔
}
carrier-my-personal = نہیں بھیجا: ملائیشیا میں ذاتی معلومات مانگنے والے SMS بلاک ہیں۔ بدلیں۔

# FONT: how Burmese is sent to this member ($font is Zawgyi or Unicode, written as is).
font-set = برمی تحریر { $font } میں ملے گی۔ تبدیلی: فونٹ ZAWGYI یا فونٹ UNICODE
font-usage = اپنے فون پر برمی تحریر کی شکل چنیں: فونٹ ZAWGYI یا فونٹ UNICODE

# MOVE: a member's lists go to their new number. No reply ever shows either number.
move-usage = نئے نمبر کے لیے اس فون سے لکھیں: منتقل اور نیا نمبر۔ وہاں کوڈ آئے گا۔
move-code-sent = نئے نمبر پر کوڈ بھیج دیا۔ 24 گھنٹے میں وہاں سے لکھیں: منتقل اور کوڈ
move-request = کیا SMS Up گروپ اس نمبر پر لانے ہیں؟ 24 گھنٹے میں لکھیں: منتقل { $code }
move-done = ہو گیا: گروپ، نام اور زبان اب اس نمبر پر ہیں۔ دیکھنے کو: فہرستیں
move-done-old = آپ کے گروپ نئے نمبر پر چلے گئے۔ یہاں اب ان کے SMS نہیں آئیں گے۔
move-bad-code = کوڈ غلط یا ختم شدہ ہے۔ پرانے فون سے پھر لکھیں: منتقل اور یہ نمبر
limit-moves = آپ آج { $max } بار منتقلی مانگ چکے۔ کل پھر کوشش کریں۔

# Re-confirmation: a member silent for long whose messages stopped being delivered ($days: days to answer).
reconfirm = SMS Up جاری رکھنا: شروع۔ ورنہ { $days } دن بعد رکنیت معطل ہو گی، حذف نہیں۔

# Safe lists.
created-private = نجی فہرست بن گئی۔ شمولیت: شامل { $list }
info-private = یہ نجی فہرست ہے۔ درخواست: شامل { $list }
join-requested = { $list } کی درخواست منتظمین کو بھیج دی گئی۔
join-request = { $who } در { $list }: منظور { $label }
join-denied = { $list } کی درخواست قبول نہیں ہوئی۔
approved = { $who } اب { $list } میں شامل ہے۔
denied = { $who } کو { $list } میں شامل نہیں کیا۔
no-request = { $who } کی کوئی درخواست نہیں۔
request-which-list = فہرست کا نام لکھیں: منظور فہرست { $who }
banned = { $label } کو { $list } سے ہمیشہ کے لیے نکال دیا۔
unbanned = { $label } دوبارہ { $list } میں آ سکتا ہے۔
owner-only = صرف { $list } کا مالک یہ کر سکتا ہے۔
owner-made = { $who } اب { $list } کا مالک ہے۔
you-are-owner = اب آپ { $list } کے مالک ہیں۔
need-who = { $list } کے بعد رکن کا نام یا # نمبر لکھیں۔
help-sent = { $list } کے منتظمین کو بھیج دیا۔ جواب یہاں آئے گا۔
help-request = مدد { $code } ({ $list }) جواب/شیئر { $code }:
help-limit = اس گھنٹے { $list } کو پیغامات کی حد ({ $max }) پوری۔
list-unattended = { $list } کا منتظم نہیں، پیغام نہ گیا۔ پھر بھیجیں۔
help-unknown = مدد کی درخواست { $code } نہیں۔
reply-empty = جواب لکھیں: جواب { $code } متن
help-replied = { $code } کا جواب بھیج دیا۔
help-shared-head = [{ $list }] مدد کی درخواست:
help-shared = { $code } سب { $list } اراکین کو بھیج دیا۔
outside-off = { $list } کے باہر سے پیغامات بند۔
outside-on = { $list } کے باہر سے پیغامات پھر کھلے۔
outside-usage = باہر { $list } OFF بند، ON کھلا۔

forget-confirm = نمبر اور سب پیغامات مٹانے کے لیے 10 منٹ میں بھیجیں: بھولیں { $code }
forgotten = مٹا دیا گیا۔ شروع بھیجنے تک SMS Up سے کچھ نہیں آئے گا۔
forget-bad-code = کوڈ غلط یا ختم۔ دوبارہ بھولیں بھیجیں۔

# Private messages between members.
dm-private = (نجی):
dm-sent = { $who } کو { $list } میں بھیج دیا۔
dm-off = { $list } میں نجی پیغامات بند ہیں۔
dm-set-off = { $list } میں نجی پیغامات بند۔
dm-set-on = { $list } میں نجی پیغامات پھر کھلے۔
dm-usage = ذاتی { $list } OFF بند، ON کھلا۔
to-usage = نجی پیغام: پیغام { $list } نام متن
limit-dm = اس گھنٹے نجی پیغامات کی حد ({ $max }) پوری۔
blocked = { $who } کے نجی پیغامات بند۔ واپس: بلاک { $label } OFF
unblocked = { $who } کے نجی پیغامات پھر کھلے۔
block-not-found = آپ کی فہرستوں میں { $who } نہیں۔ # نمبر لکھیں۔
block-which-list = فہرست کا نام لکھیں: بلاک فہرست { $who }

# Closing a list.
delete-confirm = 10 منٹ میں بھیجیں: ختم { $list } کوڈ { $code }
delete-bad-code = کوڈ غلط یا ختم۔ پھر بھیجیں: ختم { $list }
list-deleted = { $list } بند، اراکین کو بتا دیا۔ نام 30 دن محفوظ۔
list-closed = مالک نے { $list } بند کر دی۔ اب کوئی پیغام نہیں آئے گا۔

# Held posts.
moderate-on = { $list } کی پوسٹس اب منتظم کی منظوری کی منتظر۔
moderate-off = { $list } کے اراکین پھر براہ راست بھیج سکتے ہیں۔
moderate-usage = جانچ { $list } ON روکے، OFF ختم کرے۔
post-held = { $list } کو آپ کی پوسٹ منظوری کی منتظر ہے۔
held-post = پوسٹ { $code } برائے { $list } (منظور/مسترد { $code }):
held-approved = پوسٹ { $code } کو { $list } میں بھیج دیا۔
held-rejected = پوسٹ { $code } نہیں بھیجی۔
held-unknown = کوئی پوسٹ { $code } منتظر نہیں۔
post-approved = { $list } کو آپ کی پوسٹ منظور ہو کر بھیج دی گئی۔
post-rejected = { $list } کو آپ کی پوسٹ منظور نہیں ہوئی۔

# مدد <حکم>: ایک ایس ایم ایس جو ایک حکم سمجھائے۔
usage-help = کسی حکم کی وضاحت: مدد اور حکم، مثلاً مدد شامل
usage-create = بنائیں گروپ: آپ کا گروپ۔ نجی: آپ کی منظوری سے۔ اعلان: صرف منتظمین
usage-announce = بنائیں گروپ اعلان: گروپ جس میں صرف آپ اور منتظمین بھیجیں
usage-join = شامل گروپ: شمولیت۔ بھیجنا: گروپ پیغام۔ نکلنا: چھوڑیں گروپ
usage-leave = چھوڑیں گروپ: اس گروپ سے کچھ نہیں آئے گا۔ سب بند: روکیں
usage-lists = فہرستیں: آپ کے سب گروپ
usage-name = نام علی: پیغامات پر آپ کا نام۔ نمبر کوئی نہیں دیکھتا
usage-info = معلومات گروپ: ارکان کی تعداد، کون بھیجے اور آپ کا کردار
usage-add = دعوت گروپ نمبر: کسی کو بلائیں (منتظم)۔ وہ شامل گروپ بھیجے
usage-remove = نکالیں گروپ نام: رکن کو نکالیں (منتظم)۔ ہمیشہ کے لیے: پابندی
usage-admin = منتظم گروپ نام: رکن کو منتظم بنائیں (صرف مالک)
usage-start = شروع: دوبارہ پیغام ملیں گے (روکیں کے بعد)
usage-lang = زبان اور کوڈ: جوابات کی زبان، مثلاً زبان ur
usage-no = نہیں گروپ: اس گروپ کی دعوت رد کریں
usage-private = بنائیں گروپ نجی: لوگ آپ یا منتظم کی منظوری سے شامل ہوں
usage-approve = منظور #نمبر: شمولیت قبول۔ منظور P12: رکا پیغام بھیجیں
usage-deny = مسترد #نمبر: شمولیت رد۔ مسترد P12: رکا پیغام نہ بھیجیں
usage-ban = پابندی گروپ نام: ہمیشہ کے لیے نکالیں۔ واپسی: بحال گروپ #نمبر
usage-unban = بحال گروپ #نمبر: پابندی والا دوبارہ شامل ہو سکتا ہے
usage-owner = مالک گروپ نام: گروپ دوسرے رکن کو دیں، آپ منتظم رہیں گے
usage-reply = جواب H7 متن: گروپ سے باہر کے مدد مانگنے والے کو جواب
usage-share = شیئر H7: درخواست H7 کا متن سب ارکان کو، بھیجنے والے کے بغیر
usage-outside = باہر گروپ OFF باہر والوں کے پیغام روکے، ON کھولے۔
usage-forget = بھولیں: آپ کا نمبر، نام، گروپ اور پیغامات مٹ جائیں گے۔ کوڈ سے تصدیق
usage-to = پیغام گروپ نام متن: ایک رکن کو نجی پیغام، نمبر کے بغیر
usage-block = بلاک #نمبر: اس کے نجی پیغامات رکیں گے۔ واپسی: بلاک #نمبر OFF
usage-dm = ذاتی گروپ OFF نجی پیغامات روکے، ON کھولے (مالک)
usage-delete = ختم گروپ: گروپ ہمیشہ کے لیے بند (مالک)۔ کوڈ سے تصدیق
usage-moderate = جانچ گروپ ON پیغامات روکے، OFF ختم کرے۔

# انتباہ: حفاظتی انتباہ، سب سے پہلے۔
alert-sent = انتباہ { $code } گروپ { $list } کے { $count } ارکان کو گیا۔
alert-test-sent = آزمائشی انتباہ (TEST) { $list } کے { $count } ارکان کو گیا۔
alert-not-allowed = صرف { $list } کے مالک، منتظم اور رپورٹر انتباہ بھیجیں۔
alert-empty = انتباہ لکھیں: انتباہ { $list } پیغام
alert-limit = { $list } اس گھنٹے { $max } انتباہ بھیج چکا۔ انتظار کریں۔
reporter-made = { $who } کو { $list } میں انتباہ کا حق۔
reporter-removed = { $who } کا { $list } انتباہ حق ختم۔
you-are-reporter = صرف حقیقی خطرے کے لیے: انتباہ { $list } پیغام
you-are-no-reporter = اب آپ { $list } کو انتباہ نہیں بھیج سکتے۔
usage-alert = انتباہ گروپ پیغام: سب کو فوراً۔ آزمائش: انتباہ گروپ TEST متن
usage-reporter = رپورٹر گروپ نام: رکن کو انتباہ کی اجازت؛ OFF سے واپس
correct-sent = { $code } کی درستی سب کو گئی، باقی منسوخ۔
correct-unknown = آپ کا کوئی انتباہ { $code } نہیں۔
correct-empty = درستی لکھیں: درستی { $code } پیغام
usage-correct = درستی A12 پیغام: A12 پانے والوں کو درستی
alert-status = { $code } بعد { $minutes } منٹ: { $total } میں { $delivered } پہنچے، { $failed } ناکام، { $expired } ختم، { $waiting } باقی
alert-unknown = آپ کا کوئی انتباہ { $code } نہیں۔
usage-status = صورتحال A12: انتباہ A12 کتنوں تک پہنچا
alert-waiting = { $code } برائے { $list } کو منتظم کا OK چاہیے، { $minutes } منٹ
alert-confirm-ask = { $code } برائے { $list } آپ کا منتظر (OK { $code }):
alert-confirm-self = { $code } دوسرا منتظم OK سے بھیجے، بھیجنے والا نہیں۔
alert-confirm-late = انتباہ { $code } نے { $minutes } منٹ سے زیادہ انتظار کیا، نہیں گیا۔
alert-confirmed = { $code } تصدیق شدہ، { $list } کے { $count } ارکان کو گیا
alert-rule-confirm = اب { $list } کا ہر انتباہ دوسرے منتظم کے OK کا منتظر۔
alert-rule-direct = اب { $list } کے انتباہ فوراً جائیں گے۔
alert-rule-needs-admin = پہلے { $list } کا دوسرا منتظم بنائیں۔
alert-no-confirmer = { $list } کے انتباہ کی تصدیق کو دوسرا منتظم نہیں۔
usage-alerts = انتباہات گروپ CONFIRM: دوسرے منتظم کا OK؛ DIRECT: فوراً
usage-ok = OK A12 آپ کا منتظر انتباہ A12 بھیجتا ہے
checkin-how = محفوظ ہیں تو 1، مدد چاہیے تو 2 بھیجیں۔
checkin-sent = { $code } برائے { $list }: { $count } ارکان۔ نتائج { $code }
checkin-safe = شکریہ، آپ { $list } میں محفوظ شمار ہوئے۔
checkin-help = { $who } نے خیریت { $check } پر 2 (مدد چاہیے) بھیجا۔
checkin-results = { $code }: { $safe } محفوظ، { $help } کو مدد چاہیے، { $silent } بے جواب۔
checkin-unknown = آپ کے گروپوں میں خیریت { $code } نہیں۔
checkin-empty = سوال لکھیں: خیریت { $list } سوال
checkin-not-allowed = صرف { $list } کے مالک اور منتظم خیریت بھیجیں۔
checkin-limit = { $list } اس گھنٹے { $max } انتباہ اور خیریت بھیج چکا۔
usage-check = خیریت گروپ سوال: ہر رکن 1 (محفوظ) یا 2 (مدد) بھیجے
usage-results = نتائج C3: خیریت C3 کے جوابات
